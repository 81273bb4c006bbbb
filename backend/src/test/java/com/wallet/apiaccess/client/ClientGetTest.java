package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.ISO_UTC;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ClientGetTest {

    @Test
    void shouldGetTheClientAsItWasCreated() {
        String admin = Api.adminToken();
        String clientId = Api.unique("get");
        String expiry = todayUtc().plusDays(10).toString();
        JsonPath created = post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                expiry,
                                "notes",
                                "for get",
                                "roles",
                                List.of("statements:read", "cards:change")))
                .statusCode(201)
                .extract()
                .jsonPath();

        get(admin, clientId)
                .statusCode(200)
                .body("clientId", equalTo(clientId))
                .body("oauthClientId", equalTo(Api.oauthClientId(clientId)))
                .body("roles", contains("cards:change", "cards:read", "statements:read"))
                .body("expiryDate", equalTo(expiry))
                .body("expired", is(false))
                .body("notes", equalTo("for get"))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .body("updatedAt", equalTo(created.getString("updatedAt")))
                .body("lastUsedAt", nullValue());
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownClient() {
        isProblem(get(Api.adminToken(), Api.unique("nobody")), 404);
    }

    @Test
    void shouldAnswer404ForAClientIdThatDiffersOnlyInCase() {
        String admin = Api.adminToken();
        String clientId = Api.unique("casey");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        isProblem(get(admin, clientId.toUpperCase()), 404);
    }

    @Test
    void shouldRecordLastUsedAtWhenTheClientObtainsAToken() throws InterruptedException {
        String admin = Api.adminToken();
        String clientId = Api.unique("lastused");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");
        Instant before = Instant.now().minusSeconds(1);

        Api.clientToken(Api.oauthClientId(clientId), secret);

        // the contract allows a lag of up to a minute
        String lastUsedAt = null;
        long deadline = System.currentTimeMillis() + 65_000;
        while (lastUsedAt == null && System.currentTimeMillis() < deadline) {
            lastUsedAt = get(admin, clientId).statusCode(200).extract().path("lastUsedAt");
            if (lastUsedAt == null) {
                Thread.sleep(200);
            }
        }
        assertThat(lastUsedAt, notNullValue());
        assertThat(lastUsedAt, matchesPattern(ISO_UTC));
        assertThat(Instant.parse(lastUsedAt), greaterThanOrEqualTo(before));
        assertThat(Instant.parse(lastUsedAt), lessThanOrEqualTo(Instant.now().plusSeconds(1)));
    }
}
