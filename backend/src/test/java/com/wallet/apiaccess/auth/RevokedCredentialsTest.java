package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.auth.Bearer.TestClient;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.auth.Bearer.assertInsufficientScope;
import static com.wallet.apiaccess.auth.Bearer.assertInvalidToken;
import static com.wallet.apiaccess.auth.Bearer.listClientsWith;
import static org.hamcrest.Matchers.equalTo;

/** A valid signature is not enough: the token's user or client must still exist and hold the role. */
@QuarkusTest
class RevokedCredentialsTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldRefuseASessionOfADeletedUser() {
        String admin = Api.adminToken();
        String username = Api.unique("gone");
        String password = "password-" + username;
        Api.as(admin)
                .body(Map.of("username", username, "password", password, "roles", List.of("api-access:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        String session = Api.signIn(Api.WALLET, username, password);
        Api.as(session).when().get("/api/me").then().statusCode(200).body("username", equalTo(username));

        Api.as(admin).when().delete("/api/users/" + username).then().statusCode(204);

        assertInvalidToken(Api.as(session).when().get("/api/me"));
    }

    @Test
    void shouldRefuseATokenOfADeletedClient() {
        TestClient client = Bearer.newClient(List.of("api-access:read"));
        String token = client.token();
        listClientsWith(token).then().statusCode(200);

        Api.as(Api.adminToken())
                .when()
                .delete("/api/clients/" + client.clientId())
                .then()
                .statusCode(204);

        assertInvalidToken(listClientsWith(token));
    }

    @Test
    void shouldRefuseATokenOfAClientThatExpired() throws Exception {
        TestClient client = Bearer.newClient(List.of("api-access:read"));
        String token = client.token();
        listClientsWith(token).then().statusCode(200);

        Bearer.setExpiryDate(
                database, client.clientId(), LocalDate.now(ZoneOffset.UTC).minusDays(1));

        assertInvalidToken(listClientsWith(token));
    }

    @Test
    void shouldStillAcceptATokenOfAClientOnItsExpiryDate() throws Exception {
        TestClient client = Bearer.newClient(List.of("api-access:read"));
        String token = client.token();
        Bearer.setExpiryDate(database, client.clientId(), LocalDate.now(ZoneOffset.UTC));
        listClientsWith(token).then().statusCode(200);
    }

    @Test
    void shouldStopHonouringARoleRemovedFromTheClient() {
        TestClient client = Bearer.newClient(List.of("api-access:read", "accounts:read"));
        String token = client.token();
        listClientsWith(token).then().statusCode(200);

        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("accounts:read")))
                .when()
                .put("/api/clients/" + client.clientId())
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("accounts:read")));

        // The token is still valid, but the role it names is no longer in force.
        assertInsufficientScope(listClientsWith(token));
        Api.as(token).when().get("/api/me").then().statusCode(200).body("roles", equalTo(List.of("accounts:read")));
    }

    @Test
    void shouldNotGrantARoleAddedAfterTheTokenWasIssued() {
        TestClient client = Bearer.newClient(List.of("accounts:read"));
        String token = client.token();

        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("accounts:read", "api-access:read")))
                .when()
                .put("/api/clients/" + client.clientId())
                .then()
                .statusCode(200);

        assertInsufficientScope(listClientsWith(token));
        listClientsWith(client.token()).then().statusCode(200);
    }

    @Test
    void shouldRefuseAnOldTokenOfADeletedClientWhoseIdWasReused() {
        TestClient client = Bearer.newClient(List.of("api-access:read"));
        String token = client.token();
        String admin = Api.adminToken();
        Api.as(admin).when().delete("/api/clients/" + client.clientId()).then().statusCode(204);
        // At once, within the same second: the old token must still be told apart from the new client.
        Api.createClient(admin, client.clientId(), List.of("api-access:read"));

        assertInvalidToken(listClientsWith(token));
    }
}
