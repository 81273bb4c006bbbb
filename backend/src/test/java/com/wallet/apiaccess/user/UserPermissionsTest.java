package com.wallet.apiaccess.user;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Who may read and change users, and that nobody grants a role they do not hold. */
@QuarkusTest
class UserPermissionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    private static Map<String, Object> user(String username, List<String> roles) {
        return Map.of("username", username, "password", "password-of-" + username, "roles", roles);
    }

    private static String existingUser(List<String> roles) {
        String username = Api.unique("target");
        Api.as(Api.adminToken())
                .body(user(username, roles))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return username;
    }

    @Test
    void shouldLetUsersReadListUsers() {
        String reader = Api.userWithRoles(List.of("users:read"));
        Api.as(reader).when().get("/api/users").then().statusCode(200).body("username", hasItem(Api.ADMIN));
    }

    @Test
    void shouldRefuseUsersReadToCreateAUser() {
        String reader = Api.userWithRoles(List.of("users:read"));
        Api.as(reader)
                .body(user(Api.unique("denied"), List.of("users:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(403));
    }

    @Test
    void shouldRefuseUsersReadToChangeAUser() {
        String target = existingUser(List.of("users:read"));
        String reader = Api.userWithRoles(List.of("users:read"));
        Api.as(reader)
                .body(Map.of("roles", List.of("users:read")))
                .when()
                .put("/api/users/" + target)
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE));
    }

    @Test
    void shouldRefuseUsersReadToDeleteAUser() {
        String target = existingUser(List.of("users:read"));
        String reader = Api.userWithRoles(List.of("users:read"));
        Api.as(reader)
                .when()
                .delete("/api/users/" + target)
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE));
        Api.as(Api.adminToken()).when().get("/api/users").then().body("username", hasItem(target));
    }

    @Test
    void shouldRefuseToListUsersWithoutUsersRead() {
        String other = Api.userWithRoles(List.of("accounts:change"));
        Api.as(other)
                .when()
                .get("/api/users")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE));
    }

    @Test
    void shouldLetAUserChangerGrantRolesItHolds() {
        String changer = Api.userWithRoles(List.of("users:change", "accounts:read"));
        Api.as(changer)
                .body(user(Api.unique("granted"), List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("roles", contains("accounts:read"));
    }

    @Test
    void shouldRefuseToCreateAUserWithARoleTheCallerDoesNotHold() {
        String changer = Api.userWithRoles(List.of("users:change", "accounts:read"));
        String username = Api.unique("escalate");
        Api.as(changer)
                .body(user(username, List.of("payments:change")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE))
                .body("detail", containsString("payments:change"));
        Api.as(Api.adminToken())
                .when()
                .get("/api/users")
                .then()
                .body("username", org.hamcrest.Matchers.not(hasItem(username)));
    }

    @Test
    void shouldRefuseToAddARoleTheCallerDoesNotHold() {
        String target = existingUser(List.of("accounts:read"));
        String changer = Api.userWithRoles(List.of("users:change", "accounts:read"));
        Api.as(changer)
                .body(Map.of("roles", List.of("accounts:read", "payments:change")))
                .when()
                .put("/api/users/" + target)
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("payments:change"));
        Api.as(Api.adminToken())
                .when()
                .get("/api/users")
                .then()
                .body("find { it.username == '" + target + "' }.roles", contains("accounts:read"));
    }

    @Test
    void shouldRefuseToGrantUsersChangeToSomeoneWithOnlyUsersRead() {
        String changer = Api.userWithRoles(List.of("users:change"));
        Api.as(changer)
                .body(user(Api.unique("escalate"), List.of("api-access:change")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(403)
                .body("detail", containsString("api-access:change"));
    }

    @Test
    void shouldLetAReadOnlyAdminExistAndSignIn() {
        String username = Api.unique("readonly");
        Api.as(Api.adminToken())
                .body(user(username, List.of("api-access:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("roles", contains("api-access:read"));
        given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", "password-of-" + username))
                .when()
                .post("/api/session")
                .then()
                .statusCode(200)
                .body("user.roles", contains("api-access:read"));
    }

    @Test
    void shouldLetAReadOnlyAdminListClients() {
        String clientId = Api.unique("seen");
        Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"));
        String readOnly = Api.userWithRoles(List.of("api-access:read"));
        Api.as(readOnly)
                .queryParam("q", clientId)
                .when()
                .get("/api/clients")
                .then()
                .statusCode(200)
                .body("items.clientId", contains(clientId));
    }

    @Test
    void shouldRefuseAReadOnlyAdminToCreateAClient() {
        String readOnly = Api.userWithRoles(List.of("api-access:read"));
        Api.as(readOnly)
                .body(Map.of("clientId", Api.unique("nope"), "roles", List.of("api-access:read")))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString(INSUFFICIENT_SCOPE));
    }
}
