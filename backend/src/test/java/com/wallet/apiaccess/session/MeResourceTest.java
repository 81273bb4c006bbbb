package com.wallet.apiaccess.session;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/me: who the bearer token belongs to, for a user's session and for a client's token. */
@QuarkusTest
class MeResourceTest {

    @Test
    void shouldDescribeTheSignedInAdmin() {
        Api.as(Api.adminToken())
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(Api.ADMIN))
                .body("wallet.externalKey", equalTo("acme"))
                .body("wallet.name", equalTo("Acme Corp"))
                .body("roles", hasSize(20))
                .body("roles", hasItems("api-access:read", "api-access:change", "users:read", "users:change"))
                .body("tokenEndpoint", equalTo("http://localhost:8081/oauth2/token"))
                .body("clientIdPrefix", equalTo("wallet-acme-"));
    }

    @Test
    void shouldShowOnlyTheUsersOwnRoles() {
        String token = Api.userWithRoles(List.of("cards:change"));
        Api.as(token)
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("roles", containsInAnyOrder("cards:change", "cards:read"))
                .body("wallet.externalKey", equalTo("acme"));
    }

    @Test
    void shouldNameAClientByItsOAuthClientId() {
        String clientId = Api.unique("me");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read", "payments:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        Api.as(token)
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("wallet-acme-" + clientId))
                .body("wallet.externalKey", equalTo("acme"))
                .body("wallet.name", equalTo("Acme Corp"))
                .body("roles", containsInAnyOrder("accounts:read", "payments:read"))
                .body("tokenEndpoint", equalTo("http://localhost:8081/oauth2/token"))
                .body("clientIdPrefix", equalTo("wallet-acme-"));
    }

    @Test
    void shouldRefuseMeWithoutToken() {
        given().when().get("/api/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldRefuseMeWithGarbageToken() {
        given().auth()
                .oauth2("not.a.token")
                .when()
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldRefuseTheOperatorTokenAsASession() {
        given().auth().oauth2(Api.OPERATOR_TOKEN).when().get("/api/me").then().statusCode(401);
    }
}
