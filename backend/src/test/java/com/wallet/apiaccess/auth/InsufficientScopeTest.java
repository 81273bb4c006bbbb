package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.auth.Bearer.TestClient;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.auth.Bearer.assertInsufficientScope;
import static com.wallet.apiaccess.auth.Bearer.listClientsWith;
import static io.restassured.RestAssured.given;

/** A valid token without the role a call needs: 403 with an RFC 6750 insufficient_scope challenge. */
@QuarkusTest
class InsufficientScopeTest {

    @Test
    void shouldRefuseAClientWithoutTheReadRole() {
        TestClient client = Bearer.newClient(List.of("accounts:read"));
        assertInsufficientScope(listClientsWith(client.token()));
    }

    @Test
    void shouldRefuseAClientWithReadOnlyWhenChangeIsNeeded() {
        TestClient client = Bearer.newClient(List.of("api-access:read"));
        assertInsufficientScope(Api.as(client.token())
                .body(Map.of("clientId", Api.unique("nope"), "roles", List.of("api-access:read")))
                .when()
                .post("/api/clients"));
    }

    @Test
    void shouldBoundAClientByTheScopeOfItsToken() {
        TestClient client = Bearer.newClient(List.of("api-access:read", "accounts:read"));
        String narrow = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client.oauthClientId())
                .formParam("client_secret", client.secret())
                .formParam("scope", "accounts:read")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertInsufficientScope(listClientsWith(narrow));
    }

    @Test
    void shouldRefuseAUserWithoutTheRole() {
        String session = Api.userWithRoles(List.of("accounts:read"));
        assertInsufficientScope(Api.as(session).when().get("/api/users"));
    }
}
