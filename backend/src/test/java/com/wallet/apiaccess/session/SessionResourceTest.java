package com.wallet.apiaccess.session;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/session: a token for the right wallet, username and password, one answer for any wrong part. */
@QuarkusTest
class SessionResourceTest {

    private static Response signIn(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/session");
    }

    private static Response signIn(String wallet, String username, String password) {
        return signIn(Map.of("wallet", wallet, "username", username, "password", password));
    }

    /** A user of its own, so that failures counted against it never throttle another test. */
    private static String[] newUser(List<String> roles) {
        String username = Api.unique("signin");
        String password = "password-of-" + username;
        Api.as(Api.adminToken())
                .body(Map.of("username", username, "password", password, "roles", roles))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return new String[] {username, password};
    }

    @Test
    void shouldAnswerTokenExpiryAndUserOnSignIn() {
        Instant before = Instant.now();
        Response response = signIn(Api.WALLET, Api.ADMIN, Api.ADMIN_PASSWORD);
        response.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("token", notNullValue())
                .body("user.username", equalTo(Api.ADMIN))
                .body("user.roles", hasSize(20))
                .body(
                        "user.roles",
                        org.hamcrest.Matchers.hasItems(
                                "api-access:change", "users:change", "accounts:read", "payments:change"));
        String token = response.path("token");
        assertEquals(3, token.split("\\.").length, "the token is a compact JWS");
        Instant expiresAt = Instant.parse(response.<String>path("expiresAt"));
        assertTrue(expiresAt.isAfter(before), "expiresAt is in the future");
        assertFalse(
                expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(1)),
                "a session lasts at most 30 minutes");
    }

    @Test
    void shouldAnswerTheUsersOwnRolesOnSignIn() {
        String[] user = newUser(List.of("accounts:change", "users:read"));
        signIn(Api.WALLET, user[0], user[1])
                .then()
                .statusCode(200)
                .body("user.username", equalTo(user[0]))
                .body("user.roles", contains("accounts:change", "accounts:read", "users:read"));
    }

    @Test
    void shouldForbidCachingOfTheSession() {
        signIn(Api.WALLET, Api.ADMIN, Api.ADMIN_PASSWORD).then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void shouldAcceptTheSessionTokenAsBearer() {
        String token = Api.adminToken();
        Api.as(token).when().get("/api/me").then().statusCode(200).body("username", equalTo(Api.ADMIN));
    }

    @Test
    void shouldRefuseWrongPasswordWithProblem() {
        String[] user = newUser(List.of("accounts:read"));
        signIn(Api.WALLET, user[0], user[1] + "-wrong")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void shouldNotLeakTheTokenOnFailure() {
        String[] user = newUser(List.of("accounts:read"));
        signIn(Api.WALLET, user[0], "not-the-password")
                .then()
                .statusCode(401)
                .body("token", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldAnswerWrongWalletUserPasswordAndMalformedKeyAlike() {
        String[] user = newUser(List.of("accounts:read"));
        Map<String, Object> wrongPassword = problem(signIn(Api.WALLET, user[0], "wrong-password-123"));
        Map<String, Object> wrongUser = problem(signIn(Api.WALLET, Api.unique("nobody"), user[1]));
        Map<String, Object> wrongWallet = problem(signIn("nosuchwallet", user[0], user[1]));
        Map<String, Object> malformedWallet = problem(signIn("Not-A-Key!", user[0], user[1]));
        assertEquals(wrongPassword, wrongUser, "unknown user answers like a wrong password");
        assertEquals(wrongPassword, wrongWallet, "unknown wallet answers like a wrong password");
        assertEquals(wrongPassword, malformedWallet, "malformed wallet key answers like a wrong password");
    }

    @Test
    void shouldRefuseAUserInAnotherExistingWallet() {
        String[] user = newUser(List.of("accounts:read"));
        String otherWallet = "other" + Long.toString(System.nanoTime(), 36);
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalKey",
                        otherWallet,
                        "name",
                        "Other",
                        "adminUsername",
                        "root",
                        "adminPassword",
                        "root-password-1"))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        Map<String, Object> wrongPassword = problem(signIn(Api.WALLET, user[0], "wrong-password-123"));
        assertEquals(
                wrongPassword,
                problem(signIn(otherWallet, user[0], user[1])),
                "a user of acme is unknown in another wallet, and answered like a wrong password");
    }

    @Test
    void shouldRefuseSignInWithoutPassword() {
        String[] user = newUser(List.of("accounts:read"));
        assertClientError(signIn(Map.of("wallet", Api.WALLET, "username", user[0])));
    }

    @Test
    void shouldRefuseSignInWithoutWallet() {
        String[] user = newUser(List.of("accounts:read"));
        assertClientError(signIn(Map.of("username", user[0], "password", user[1])));
    }

    @Test
    void shouldRefuseSignInWithoutUsername() {
        assertClientError(signIn(Map.of("wallet", Api.WALLET, "password", Api.unique("pw"))));
    }

    @Test
    void shouldRefuseSignInWithEmptyObject() {
        assertClientError(signIn(Map.of()));
    }

    @Test
    void shouldRefuseSignInWithoutBody() {
        assertClientError(given().contentType(ContentType.JSON).when().post("/api/session"));
    }

    @Test
    void shouldRefuseSignInWithNullFields() {
        assertClientError(signIn("{\"wallet\":null,\"username\":null,\"password\":null}"));
    }

    private static Map<String, Object> problem(Response response) {
        response.then().statusCode(401).contentType("application/problem+json");
        return response.jsonPath().getMap("");
    }

    private static void assertClientError(Response response) {
        response.then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType("application/problem+json")
                .body("status", equalTo(response.statusCode()))
                .body("detail", notNullValue());
    }
}
