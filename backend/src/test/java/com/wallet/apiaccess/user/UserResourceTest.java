package com.wallet.apiaccess.user;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The users API as the bootstrap admin (every role) uses it. */
@QuarkusTest
class UserResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static Response create(String token, String username, String password, List<String> roles) {
        return Api.as(token)
                .body(Map.of("username", username, "password", password, "roles", roles))
                .when()
                .post("/api/users");
    }

    private static String newUser(String admin, String password, List<String> roles) {
        String username = Api.unique("user");
        create(admin, username, password, roles).then().statusCode(201);
        return username;
    }

    private static Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", password))
                .when()
                .post("/api/session");
    }

    @Test
    void shouldCreateUserAndAnswerIt() {
        String username = Api.unique("new");
        Instant before = Instant.now().minusSeconds(2);
        Response response = create(Api.adminToken(), username, "a-good-password", List.of("accounts:read"));
        response.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("username", equalTo(username))
                .body("roles", contains("accounts:read"))
                .body("createdAt", notNullValue());
        Instant createdAt = Instant.parse(response.<String>path("createdAt"));
        assertFalse(createdAt.isBefore(before), "createdAt is now");
        assertFalse(createdAt.isAfter(Instant.now().plusSeconds(2)), "createdAt is now");
        assertEquals(
                Set.of("username", "roles", "createdAt"),
                response.jsonPath().getMap("").keySet());
    }

    @Test
    void shouldAddReadForEveryChangeRole() {
        create(Api.adminToken(), Api.unique("impl"), "a-good-password", List.of("payments:change", "cards:read"))
                .then()
                .statusCode(201)
                .body("roles", contains("cards:read", "payments:change", "payments:read"));
    }

    @Test
    void shouldLetANewUserSignIn() {
        String username = newUser(Api.adminToken(), "first-password-1", List.of("accounts:read"));
        signIn(username, "first-password-1")
                .then()
                .statusCode(200)
                .body("user.username", equalTo(username))
                .body("user.roles", contains("accounts:read"));
    }

    @Test
    void shouldListUsersWithoutPasswords() {
        String admin = Api.adminToken();
        String username = newUser(admin, "listed-password-1", List.of("statements:read"));
        Response response = Api.as(admin).when().get("/api/users");
        response.then()
                .statusCode(200)
                .body("username", hasItem(username))
                .body("username", hasItem(Api.ADMIN))
                .body("find { it.username == '" + username + "' }.roles", contains("statements:read"))
                .body("find { it.username == '" + username + "' }.createdAt", notNullValue());
        List<Map<String, Object>> users = response.jsonPath().getList("");
        for (Map<String, Object> user : users) {
            assertEquals(Set.of("username", "roles", "createdAt"), user.keySet(), "user " + user.get("username"));
        }
        String body = response.asString().toLowerCase();
        assertFalse(body.contains("password"), "no password field");
        assertFalse(body.contains("hash"), "no hash field");
        assertFalse(body.contains("$2a$") || body.contains("$2b$") || body.contains("$2y$"), "no bcrypt hash");
        assertFalse(body.contains("listed-password-1"));
    }

    @Test
    void shouldAnswerConflictForAnExistingUsername() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("accounts:read"));
        create(admin, username, "another-password", List.of("cards:read"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("detail", containsString(username));
    }

    @Test
    void shouldAnswerConflictForTheBootstrapAdminsName() {
        create(Api.adminToken(), Api.ADMIN, "another-password", List.of("cards:read"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRefuseAPasswordUnderTwelveCharacters() {
        create(Api.adminToken(), Api.unique("short"), "elevenchars", List.of("accounts:read"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", contains("password"));
    }

    @Test
    void shouldAcceptAPasswordOfExactlyTwelveCharacters() {
        create(Api.adminToken(), Api.unique("twelve"), "twelve-chars", List.of("accounts:read"))
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseAMissingPassword() {
        Api.as(Api.adminToken())
                .body(Map.of("username", Api.unique("nopw"), "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("password"));
    }

    @Test
    void shouldRefuseAnUpperCaseUsername() {
        create(Api.adminToken(), "Upper" + System.nanoTime(), "a-good-password", List.of("accounts:read"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("username"));
    }

    @Test
    void shouldRefuseAUsernameWithSpaces() {
        create(Api.adminToken(), "has space", "a-good-password", List.of("accounts:read"))
                .then()
                .statusCode(400)
                .body("errors.field", contains("username"));
    }

    @Test
    void shouldRefuseATooShortUsername() {
        create(Api.adminToken(), "ab", "a-good-password", List.of("accounts:read"))
                .then()
                .statusCode(400)
                .body("errors.field", contains("username"));
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        create(Api.adminToken(), Api.unique("role"), "a-good-password", List.of("accounts:read", "nukes:launch"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("roles[1]"))
                .body("errors[0].message", containsString("nukes:launch"));
    }

    @Test
    void shouldRefuseNoRoles() {
        create(Api.adminToken(), Api.unique("none"), "a-good-password", List.of())
                .then()
                .statusCode(400)
                .body("errors.field", contains("roles"));
    }

    @Test
    void shouldChangeRoles() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("accounts:read"));
        Api.as(admin)
                .body(Map.of("roles", List.of("cards:change")))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("roles", contains("cards:change", "cards:read"))
                .body("createdAt", notNullValue());
        Api.as(admin)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("find { it.username == '" + username + "' }.roles", contains("cards:change", "cards:read"));
    }

    @Test
    void shouldTakeAwayARemovedRoleFromALiveSession() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("users:read", "cards:read"));
        String session = signIn(username, "a-good-password")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(session).when().get("/api/users").then().statusCode(200);
        Api.as(admin)
                .body(Map.of("roles", List.of("cards:read")))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        Api.as(session).when().get("/api/users").then().statusCode(403);
    }

    @Test
    void shouldChangePasswordSoTheNewOneSignsInAndTheOldOneDoesNot() {
        String admin = Api.adminToken();
        String username = newUser(admin, "old-password-1", List.of("accounts:read"));
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "new-password-1"))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200)
                .body("username", equalTo(username));
        signIn(username, "new-password-1").then().statusCode(200);
        signIn(username, "old-password-1").then().statusCode(401);
    }

    @Test
    void shouldKeepThePasswordWhenNoneIsGiven() {
        String admin = Api.adminToken();
        String username = newUser(admin, "kept-password-1", List.of("accounts:read"));
        Api.as(admin)
                .body(Map.of("roles", List.of("cards:read")))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        signIn(username, "kept-password-1").then().statusCode(200).body("user.roles", contains("cards:read"));
    }

    @Test
    void shouldRefuseTheOldSessionAfterAPasswordChange() {
        String admin = Api.adminToken();
        String username = newUser(admin, "old-password-1", List.of("accounts:read"));
        String oldSession = signIn(username, "old-password-1")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(oldSession).when().get("/api/me").then().statusCode(200);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "new-password-1"))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        Api.as(oldSession)
                .when()
                .get("/api/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldAcceptASessionOpenedRightAfterAPasswordChange() {
        String admin = Api.adminToken();
        String username = newUser(admin, "old-password-1", List.of("accounts:read"));
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "new-password-1"))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        String session = signIn(username, "new-password-1")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(session).when().get("/api/me").then().statusCode(200).body("username", equalTo(username));
    }

    @Test
    void shouldRefuseAShortNewPassword() {
        String admin = Api.adminToken();
        String username = newUser(admin, "old-password-1", List.of("accounts:read"));
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "short"))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("password"));
        signIn(username, "old-password-1").then().statusCode(200);
    }

    @Test
    void shouldAnswerNotFoundWhenChangingAnUnknownUser() {
        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("accounts:read")))
                .when()
                .put("/api/users/" + Api.unique("ghost"))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void shouldDeleteAUserThenAnswerNotFound() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("accounts:read"));
        Api.as(admin).when().delete("/api/users/" + username).then().statusCode(204);
        Api.as(admin)
                .when()
                .delete("/api/users/" + username)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        Api.as(admin)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("username", org.hamcrest.Matchers.not(hasItem(username)));
        signIn(username, "a-good-password").then().statusCode(401);
    }

    @Test
    void shouldRefuseToDeleteYourself() {
        String admin = Api.adminToken();
        Api.as(admin)
                .when()
                .delete("/api/users/" + Api.ADMIN)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409));
        Api.as(admin).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldRefuseTheLiveSessionOfADeletedUser() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("accounts:read"));
        String session = signIn(username, "a-good-password")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(session).when().get("/api/me").then().statusCode(200);
        Api.as(admin).when().delete("/api/users/" + username).then().statusCode(204);
        Api.as(session)
                .when()
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldRefuseTheOldSessionOfAUserDeletedAndCreatedAgain() {
        String admin = Api.adminToken();
        String username = newUser(admin, "a-good-password", List.of("users:read"));
        String oldSession = signIn(username, "a-good-password")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(admin).when().delete("/api/users/" + username).then().statusCode(204);
        create(admin, username, "another-password", List.of("users:read"))
                .then()
                .statusCode(201);
        Api.as(oldSession).when().get("/api/users").then().statusCode(401);
    }

    @Test
    void shouldRefuseUsersWithoutToken() {
        given().when().get("/api/users").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }
}
