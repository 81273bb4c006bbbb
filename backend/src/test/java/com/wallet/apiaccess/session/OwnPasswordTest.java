package com.wallet.apiaccess.session;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** PUT /api/me/password: a user changes their own password with the current one. */
@QuarkusTest
class OwnPasswordTest {

    private record Account(String username, String password, String token) {}

    private static Account newUser() {
        String username = Api.unique("ownpw");
        String password = "password-of-" + username;
        Api.as(Api.adminToken())
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return new Account(username, password, Api.signIn(Api.WALLET, username, password));
    }

    private static Response change(String token, String current, String next) {
        Map<String, String> body = new HashMap<>();
        body.put("currentPassword", current);
        body.put("newPassword", next);
        return Api.as(token).body(body).when().put("/api/me/password");
    }

    private static Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", password))
                .when()
                .post("/api/session");
    }

    @Test
    void shouldChangeThePasswordAndEndEveryEarlierSession() {
        Account user = newUser();
        String otherSession = Api.signIn(Api.WALLET, user.username(), user.password());
        change(user.token(), user.password(), "a-brand-new-password").then().statusCode(204);
        Api.as(user.token()).when().get("/api/me").then().statusCode(401);
        Api.as(otherSession).when().get("/api/me").then().statusCode(401);
        signIn(user.username(), user.password()).then().statusCode(401);
        String fresh = Api.signIn(Api.WALLET, user.username(), "a-brand-new-password");
        Api.as(fresh).when().get("/api/me").then().statusCode(200).body("username", equalTo(user.username()));
    }

    @Test
    void shouldRefuseAWrongCurrentPasswordAndChangeNothing() {
        Account user = newUser();
        change(user.token(), "not-the-password", "a-brand-new-password")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"))
                .body("detail", equalTo("The current password is not right"));
        Api.as(user.token()).when().get("/api/me").then().statusCode(200);
        signIn(user.username(), user.password()).then().statusCode(200);
        signIn(user.username(), "a-brand-new-password").then().statusCode(401);
    }

    @Test
    void shouldRefuseAShortNewPasswordNamingIt() {
        Account user = newUser();
        change(user.token(), user.password(), "short")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("newPassword"))
                .body("errors.message", hasItem(containsString("12")));
        signIn(user.username(), user.password()).then().statusCode(200);
    }

    @Test
    void shouldRequireTheCurrentPassword() {
        Account user = newUser();
        change(user.token(), null, "a-brand-new-password")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("currentPassword"));
    }

    @Test
    void shouldRefuseAnApiClient() {
        String clientId = Api.unique("nopw");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        change(token, "anything-at-all", "a-brand-new-password").then().statusCode(403);
    }

    @Test
    void shouldRefuseWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "whatever-it-is", "newPassword", "a-brand-new-password"))
                .when()
                .put("/api/me/password")
                .then()
                .statusCode(401);
    }
}
