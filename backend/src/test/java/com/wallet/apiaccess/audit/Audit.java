package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.support.Api;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

/** Reading the audit log in tests. */
final class Audit {

    private Audit() {}

    static ValidatableResponse get(String token, String query) {
        return Api.as(token).when().get("/api/audit?" + query).then();
    }

    /** The events a query answers, newest first (one page of up to 100). */
    static List<Map<String, Object>> events(String token, String query) {
        return get(token, "size=100&" + query)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    static List<String> actions(List<Map<String, Object>> events) {
        return events.stream().map(event -> (String) event.get("action")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> changes(Map<String, Object> event) {
        return (Map<String, Object>) event.get("changes");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> event, String name) {
        return (Map<String, Object>) event.get(name);
    }
}
