package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.CLIENTS;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** The API refuses a past expiry date, so these tests move it into the past in the database. */
@QuarkusTest
class ClientExpiryTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private String expiredClient(String admin, List<String> roles) {
        String clientId = Api.unique("expired");
        Api.createClient(admin, clientId, roles);
        ClientChecks.setExpiryDate(database, clientId, todayUtc().minusDays(1));
        return clientId;
    }

    @Test
    void shouldShowAClientPastItsExpiryDateAsExpired() {
        String admin = Api.adminToken();
        String clientId = expiredClient(admin, List.of("accounts:read"));

        get(admin, clientId)
                .statusCode(200)
                .body("expired", is(true))
                .body("expiryDate", equalTo(todayUtc().minusDays(1).toString()));
    }

    @Test
    void shouldListAClientPastItsExpiryDateAsExpired() {
        String admin = Api.adminToken();
        String clientId = expiredClient(admin, List.of("accounts:read"));

        search(admin, clientId)
                .statusCode(200)
                .body("items.clientId", contains(clientId))
                .body("items[0].expired", is(true));
    }

    @Test
    void shouldShowAClientExpiringTodayAsNotExpired() {
        String admin = Api.adminToken();
        String clientId = Api.unique("lastday");
        post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                todayUtc().toString(),
                                "roles",
                                List.of("accounts:read")))
                .statusCode(201);

        get(admin, clientId).statusCode(200).body("expired", is(false));
    }

    @Test
    void shouldIssueATokenOnTheExpiryDateItself() {
        String admin = Api.adminToken();
        String clientId = Api.unique("lastday-token");
        String secret = post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                todayUtc().toString(),
                                "roles",
                                List.of("accounts:read")))
                .statusCode(201)
                .extract()
                .path("clientSecret");

        Api.clientToken(Api.oauthClientId(clientId), secret);
    }

    @Test
    void shouldAnswerInvalidClientToATokenRequestOfAnExpiredClient() {
        String admin = Api.adminToken();
        String clientId = Api.unique("expired-token");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");
        ClientChecks.setExpiryDate(database, clientId, todayUtc().minusDays(1));

        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldRefuseATokenObtainedBeforeTheClientExpired() {
        String admin = Api.adminToken();
        String clientId = Api.unique("expired-live");
        String secret =
                Api.createClient(admin, clientId, List.of("api-access:read")).getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        Api.as(token).when().get(CLIENTS).then().statusCode(200);

        ClientChecks.setExpiryDate(database, clientId, todayUtc().minusDays(1));

        isProblem(Api.as(token).when().get(CLIENTS).then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldLetAdminsStillEditAnExpiredClient() {
        String admin = Api.adminToken();
        String clientId = expiredClient(admin, List.of("accounts:read"));

        ClientChecks.put(admin, clientId, Map.of("roles", List.of("balances:read"), "notes", "expired but kept"))
                .statusCode(200)
                .body("expired", is(true))
                .body("roles", contains("balances:read"));
    }
}
