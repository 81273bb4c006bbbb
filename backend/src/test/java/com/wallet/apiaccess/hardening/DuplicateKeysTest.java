package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A key given twice is a 400 naming it, never read last-wins, on every JSON body of {@code /api}
 * (the clients' bodies: ClientValidationTest). Nothing is written and no session is issued.
 */
@QuarkusTest
class DuplicateKeysTest {

    static ValidatableResponse isDuplicateKey(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString(field))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("more than once"));
    }

    @Test
    void shouldRefuseADuplicateKeyWhenCreatingAUser() {
        String admin = Api.adminToken();
        String username = Api.unique("dupuser");
        isDuplicateKey(
                Api.as(admin)
                        .body(
                                "{\"username\": \"" + username + "\", \"password\": \"a-good-password\","
                                        + " \"roles\": [\"accounts:read\"], \"roles\": [\"users:change\", \"api-access:change\"]}")
                        .when()
                        .post("/api/users")
                        .then(),
                "roles");
        Api.as(admin).when().get("/api/users").then().statusCode(200).body("username", not(hasItem(username)));
    }

    @Test
    void shouldRefuseADuplicatePasswordAtSignInAndIssueNoSession() {
        isDuplicateKey(
                        given().contentType(ContentType.JSON)
                                .body("{\"wallet\": \"" + Api.WALLET + "\", \"username\": \"" + Api.ADMIN + "\","
                                        + " \"password\": \"wrong-password\", \"password\": \"" + Api.ADMIN_PASSWORD
                                        + "\"}")
                                .when()
                                .post("/api/session")
                                .then(),
                        "password")
                .body("token", nullValue());
    }

    @Test
    void shouldRefuseADuplicateWalletAtSignIn() {
        isDuplicateKey(
                        given().contentType(ContentType.JSON)
                                .body("{\"wallet\": \"other\", \"wallet\": \"" + Api.WALLET + "\", \"username\": \""
                                        + Api.ADMIN + "\", \"password\": \"" + Api.ADMIN_PASSWORD + "\"}")
                                .when()
                                .post("/api/session")
                                .then(),
                        "wallet")
                .body("token", nullValue());
    }

    @Test
    void shouldStillSignInWithEachKeyOnce() {
        given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", Api.ADMIN, "password", Api.ADMIN_PASSWORD))
                .when()
                .post("/api/session")
                .then()
                .statusCode(200)
                .body("token", not(nullValue()));
    }

    @Test
    void shouldRefuseADuplicateKeyWhenUpdatingAUser() {
        String admin = Api.adminToken();
        String username = Api.unique("dupupdate");
        Api.as(admin)
                .body(Map.of("username", username, "password", "a-good-password", "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);

        isDuplicateKey(
                Api.as(admin)
                        .body("{\"roles\": [\"accounts:read\"], \"roles\": [\"users:change\"]}")
                        .when()
                        .put("/api/users/" + username)
                        .then(),
                "roles");
        Api.as(admin)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("find { it.username == '" + username + "' }.roles", equalTo(List.of("accounts:read")));
    }
}
