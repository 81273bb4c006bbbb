package com.wallet.apiaccess.user;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Nobody acts on a user who holds more than they do: each test is an attempt at account takeover by a
 * caller holding users:change but less than its target.
 */
@QuarkusTest
class UserHierarchyTest {

    private static final List<String> USER_MANAGER = List.of("users:change", "accounts:read");

    private record Account(String username, String password, String token) {}

    private static Account newUser(List<String> roles) {
        String username = Api.unique("hier");
        String password = "password-of-" + username;
        Api.as(Api.adminToken())
                .body(Map.of("username", username, "password", password, "roles", roles))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return new Account(username, password, Api.signIn(Api.WALLET, username, password));
    }

    private static Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", password))
                .when()
                .post("/api/session");
    }

    private static List<String> rolesOf(String username) {
        return Api.as(Api.adminToken())
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("find { it.username == '" + username + "' }.roles", String.class);
    }

    private static void assertRefusedNaming(Response response, String action, String role) {
        response.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"))
                .body("detail", containsString("You cannot " + action + " a user who holds roles you do not hold"))
                .body("detail", containsString(role));
    }

    @Test
    void shouldRefuseToResetTheAdminsPasswordWithItsOwnRoles() {
        Account manager = newUser(USER_MANAGER);
        List<String> adminRoles = rolesOf(Api.ADMIN);
        Response takeover = Api.as(manager.token())
                .body(Map.of("roles", adminRoles, "password", "taken-over-password"))
                .when()
                .put("/api/users/" + Api.ADMIN);
        assertRefusedNaming(takeover, "change", "api-access:change");
        signIn(Api.ADMIN, "taken-over-password").then().statusCode(401);
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldRefuseToDeleteAUserWhoHoldsMore() {
        Account manager = newUser(USER_MANAGER);
        Account stronger = newUser(List.of("users:change", "accounts:read", "payments:change"));
        assertRefusedNaming(
                Api.as(manager.token()).when().delete("/api/users/" + stronger.username()),
                "delete",
                "payments:change");
        signIn(stronger.username(), stronger.password()).then().statusCode(200);
    }

    @Test
    void shouldRefuseToStripTheRolesOfAUserWhoHoldsMore() {
        Account manager = newUser(USER_MANAGER);
        Account stronger = newUser(List.of("users:change", "accounts:read", "cards:read"));
        assertRefusedNaming(
                Api.as(manager.token())
                        .body(Map.of("roles", List.of("accounts:read")))
                        .when()
                        .put("/api/users/" + stronger.username()),
                "change",
                "cards:read");
        org.hamcrest.MatcherAssert.assertThat(rolesOf(stronger.username()), hasItem("cards:read"));
    }

    @Test
    void shouldNameEveryRoleTheCallerLacks() {
        Account manager = newUser(USER_MANAGER);
        Account stronger = newUser(List.of("users:change", "cards:read", "payments:change"));
        Api.as(manager.token())
                .body(Map.of("roles", List.of("users:change")))
                .when()
                .put("/api/users/" + stronger.username())
                .then()
                .statusCode(403)
                .body("detail", containsString("cards:read, payments:change, payments:read"))
                .header("WWW-Authenticate", containsString("scope=\"cards:read payments:change payments:read\""));
    }

    @Test
    void shouldRefuseAClientTokenTheSameTakeover() {
        String clientId = Api.unique("usermgr");
        String secret =
                Api.createClient(Api.adminToken(), clientId, USER_MANAGER).getString("clientSecret");
        String clientToken = Api.clientToken(Api.oauthClientId(clientId), secret);
        assertRefusedNaming(
                Api.as(clientToken)
                        .body(Map.of("roles", rolesOf(Api.ADMIN), "password", "client-took-it-over"))
                        .when()
                        .put("/api/users/" + Api.ADMIN),
                "change",
                "api-access:change");
        assertRefusedNaming(
                Api.as(clientToken).when().delete("/api/users/" + Api.ADMIN), "delete", "api-access:change");
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldLetAPeerWithTheSameRolesBeManaged() {
        Account manager = newUser(USER_MANAGER);
        Account peer = newUser(USER_MANAGER);
        Api.as(manager.token())
                .body(Map.of("roles", List.of("accounts:read"), "password", "a-new-password-of-peer"))
                .when()
                .put("/api/users/" + peer.username())
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("accounts:read")));
        signIn(peer.username(), "a-new-password-of-peer").then().statusCode(200);
        Api.as(manager.token())
                .when()
                .delete("/api/users/" + peer.username())
                .then()
                .statusCode(204);
    }

    @Test
    void shouldLetTheCallerActOnAUserWhoHoldsLess() {
        Account manager = newUser(USER_MANAGER);
        Account lesser = newUser(List.of("accounts:read"));
        Api.as(manager.token())
                .body(Map.of("roles", List.of("accounts:read", "users:read")))
                .when()
                .put("/api/users/" + lesser.username())
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("accounts:read", "users:read")));
        Api.as(manager.token())
                .when()
                .delete("/api/users/" + lesser.username())
                .then()
                .statusCode(204);
    }

    @Test
    void shouldEndTheSessionsOfAUserWhosePasswordAnAdminReset() {
        Account user = newUser(List.of("accounts:read", "users:read"));
        Api.as(user.token()).when().get("/api/users").then().statusCode(200);
        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("accounts:read", "users:read"), "password", "reset-by-the-admin"))
                .when()
                .put("/api/users/" + user.username())
                .then()
                .statusCode(200);
        Api.as(user.token()).when().get("/api/users").then().statusCode(401);
        signIn(user.username(), user.password()).then().statusCode(401);
        signIn(user.username(), "reset-by-the-admin").then().statusCode(200);
    }

    @Test
    void shouldNotListTheRefusedUserAsChanged() {
        Account manager = newUser(USER_MANAGER);
        Account stronger = newUser(List.of("users:change", "accounts:read", "statements:read"));
        Api.as(manager.token())
                .body(Map.of("roles", List.of("users:change", "accounts:read")))
                .when()
                .put("/api/users/" + stronger.username())
                .then()
                .statusCode(403);
        org.hamcrest.MatcherAssert.assertThat(
                rolesOf(stronger.username()), not(equalTo(List.of("accounts:read", "users:change"))));
    }
}
