package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.ISO_UTC;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.put;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ClientUpdateTest {

    private record Created(String admin, String clientId, JsonPath body) {}

    /** A client with notes "original" and roles accounts:read, expiring in 30 days. */
    private static Created created() {
        String admin = Api.adminToken();
        String clientId = Api.unique("upd");
        JsonPath body = post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                todayUtc().plusDays(30).toString(),
                                "notes",
                                "original",
                                "roles",
                                List.of("accounts:read")))
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Created(admin, clientId, body);
    }

    private static Map<String, Object> change(List<String> roles, String notes) {
        Map<String, Object> body = new HashMap<>();
        body.put("roles", roles);
        body.put("notes", notes);
        return body;
    }

    private static void assertUnchanged(Created client) {
        get(client.admin(), client.clientId())
                .statusCode(200)
                .body("roles", contains("accounts:read"))
                .body("notes", equalTo("original"))
                .body("expiryDate", equalTo(client.body().getString("expiryDate")))
                .body("updatedAt", equalTo(client.body().getString("updatedAt")));
    }

    @Test
    void shouldReplaceRolesAndNotes() {
        Created client = created();

        put(client.admin(), client.clientId(), change(List.of("webhooks:read", "payments:change"), "rotated"))
                .statusCode(200)
                .body("clientId", equalTo(client.clientId()))
                .body("oauthClientId", equalTo(Api.oauthClientId(client.clientId())))
                .body("roles", contains("payments:change", "payments:read", "webhooks:read"))
                .body("notes", equalTo("rotated"))
                .body("expiryDate", equalTo(client.body().getString("expiryDate")))
                .body("expired", is(false))
                .body("createdAt", equalTo(client.body().getString("createdAt")));
    }

    @Test
    void shouldKeepTheChangeForLaterReads() {
        Created client = created();
        put(client.admin(), client.clientId(), change(List.of("cards:read"), "kept"))
                .statusCode(200);

        get(client.admin(), client.clientId())
                .statusCode(200)
                .body("roles", contains("cards:read"))
                .body("notes", equalTo("kept"));
    }

    @Test
    void shouldAdvanceUpdatedAtButNotCreatedAt() throws InterruptedException {
        Created client = created();
        Thread.sleep(20);

        JsonPath updated = put(client.admin(), client.clientId(), change(List.of("cards:read"), "later"))
                .statusCode(200)
                .body("updatedAt", matchesPattern(ISO_UTC))
                .body("createdAt", equalTo(client.body().getString("createdAt")))
                .extract()
                .jsonPath();

        assertThat(
                Instant.parse(updated.getString("updatedAt")),
                greaterThan(Instant.parse(client.body().getString("updatedAt"))));
        get(client.admin(), client.clientId())
                .statusCode(200)
                .body("updatedAt", equalTo(updated.getString("updatedAt")));
    }

    @Test
    void shouldAcceptTheStoredClientIdAndExpiryDateInTheBody() {
        Created client = created();
        Map<String, Object> body = change(List.of("balances:read"), "echoed");
        body.put("clientId", client.clientId());
        body.put("expiryDate", client.body().getString("expiryDate"));

        put(client.admin(), client.clientId(), body)
                .statusCode(200)
                .body("roles", contains("balances:read"))
                .body("expiryDate", equalTo(client.body().getString("expiryDate")));
    }

    @Test
    void shouldRefuseADifferentClientIdInTheBody() {
        Created client = created();
        Map<String, Object> body = change(List.of("balances:read"), "renamed");
        body.put("clientId", client.clientId() + "-renamed");

        isFieldError(put(client.admin(), client.clientId(), body), "clientId");
        assertUnchanged(client);
        get(client.admin(), client.clientId() + "-renamed").statusCode(404);
    }

    @Test
    void shouldRefuseADifferentExpiryDateInTheBody() {
        Created client = created();
        Map<String, Object> body = change(List.of("balances:read"), "extended");
        body.put("expiryDate", todayUtc().plusDays(300).toString());

        isFieldError(put(client.admin(), client.clientId(), body), "expiryDate");
        assertUnchanged(client);
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownClient() {
        isProblem(put(Api.adminToken(), Api.unique("ghost"), change(List.of("accounts:read"), "none")), 404);
    }

    @Test
    void shouldNameTheIndexOfAnUnknownRole() {
        Created client = created();

        isFieldError(
                put(
                        client.admin(),
                        client.clientId(),
                        change(List.of("accounts:read", "cards:read", "nope:read"), "x")),
                "roles[2]");
        assertUnchanged(client);
    }

    @Test
    void shouldRefuseMissingRoles() {
        Created client = created();
        Map<String, Object> body = new HashMap<>();
        body.put("notes", "no roles");

        isFieldError(put(client.admin(), client.clientId(), body), "roles");
        assertUnchanged(client);
    }

    @Test
    void shouldRefuseNotesOver1000Characters() {
        Created client = created();

        isFieldError(
                put(client.admin(), client.clientId(), change(List.of("accounts:read"), "n".repeat(1001))), "notes");
        assertUnchanged(client);
    }

    @Test
    void shouldRefuseAMalformedExpiryDate() {
        Created client = created();
        Map<String, Object> body = change(List.of("accounts:read"), "original");
        body.put("expiryDate", "2027-13-45");

        isFieldError(put(client.admin(), client.clientId(), body), "expiryDate");
        assertUnchanged(client);
    }

    @Test
    void shouldRefuseAnUnknownProperty() {
        Created client = created();
        Map<String, Object> body = change(List.of("balances:read"), "x");
        body.put("clientSecret", "chosen-by-the-caller");

        isFieldError(put(client.admin(), client.clientId(), body), "clientSecret");
        assertUnchanged(client);
    }

    @Test
    void shouldRefuseMalformedJson() {
        Created client = created();

        isProblem(
                Api.as(client.admin())
                        .body("{\"roles\": [\"balances:read\"")
                        .when()
                        .put(ClientChecks.CLIENTS + "/" + client.clientId())
                        .then(),
                400);
        assertUnchanged(client);
    }

    @Test
    void shouldKeepTheSecretWorkingAfterAnUpdate() {
        String admin = Api.adminToken();
        String clientId = Api.unique("keepsecret");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        put(admin, clientId, change(List.of("balances:read"), "new roles")).statusCode(200);

        assertThat(Api.clientToken(Api.oauthClientId(clientId), secret), notNullValue());
    }
}
