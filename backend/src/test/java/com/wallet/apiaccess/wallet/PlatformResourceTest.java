package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** POST /api/platform/wallets: the operator provisions a wallet and its first admin. */
@QuarkusTest
class PlatformResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A key no other test uses: lower-case letters and digits only. */
    static String uniqueKey() {
        return "w" + COUNTER.incrementAndGet() + Long.toString(System.nanoTime(), 36);
    }

    private static Map<String, Object> wallet(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalKey", key);
        body.put("name", "Wallet " + key);
        body.put("adminUsername", "owner");
        body.put("adminPassword", "owner-password-1");
        return body;
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(Api.OPERATOR_TOKEN).contentType(ContentType.JSON);
    }

    private static Response provision(Map<String, Object> body) {
        return operator().body(body).when().post("/api/platform/wallets");
    }

    private static Response signIn(String wallet, String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", wallet, "username", username, "password", password))
                .when()
                .post("/api/session");
    }

    @Test
    void shouldProvisionAWallet() {
        String key = uniqueKey();
        provision(wallet(key))
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("externalKey", equalTo(key))
                .body("name", equalTo("Wallet " + key));
    }

    @Test
    void shouldLetTheNewAdminSignInHoldingEveryRole() {
        String key = uniqueKey();
        provision(wallet(key)).then().statusCode(201);
        String token = signIn(key, "owner", "owner-password-1")
                .then()
                .statusCode(200)
                .body("user.username", equalTo("owner"))
                .body("user.roles", hasSize(20))
                .body(
                        "user.roles",
                        hasItems(
                                "api-access:change",
                                "api-access:read",
                                "users:change",
                                "users:read",
                                "accounts:change",
                                "webhooks:change"))
                .extract()
                .path("token");
        Api.as(token)
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("wallet.externalKey", equalTo(key))
                .body("wallet.name", equalTo("Wallet " + key))
                .body("clientIdPrefix", equalTo("wallet-" + key + "-"))
                .body("roles", hasSize(20));
    }

    @Test
    void shouldKeepTheNewWalletApartFromAcme() {
        String key = uniqueKey();
        provision(wallet(key)).then().statusCode(201);
        String token = signIn(key, "owner", "owner-password-1")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        Api.as(token).when().get("/api/users").then().statusCode(200).body("username", contains("owner"));
        signIn(key, Api.ADMIN, Api.ADMIN_PASSWORD).then().statusCode(401);
    }

    @Test
    void shouldAnswerConflictForAnExistingKey() {
        String key = uniqueKey();
        provision(wallet(key)).then().statusCode(201);
        Map<String, Object> again = wallet(key);
        again.put("adminUsername", "intruder");
        provision(again).then().statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        signIn(key, "intruder", "owner-password-1").then().statusCode(401);
    }

    @Test
    void shouldAnswerConflictForTheBootstrapWallet() {
        provision(wallet(Api.WALLET)).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseAnUpperCaseKey() {
        provision(wallet("Acme" + COUNTER.incrementAndGet()))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("externalKey"));
    }

    @Test
    void shouldRefuseAKeyWithAHyphen() {
        provision(wallet("ac-me" + COUNTER.incrementAndGet()))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("externalKey"));
    }

    @Test
    void shouldRefuseAKeyUnderFourCharacters() {
        provision(wallet("abc"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("externalKey"));
    }

    @Test
    void shouldRefuseAKeyOverThirtyTwoCharacters() {
        provision(wallet("a".repeat(33))).then().statusCode(400).body("errors.field", contains("externalKey"));
    }

    @Test
    void shouldAcceptAKeyOfFourCharacters() {
        String key = "k"
                + Integer.toString(36 * 36 * 36 + new SecureRandom().nextInt(36 * 36 * 36), 36)
                        .substring(1);
        provision(wallet(key)).then().statusCode(201).body("externalKey", equalTo(key));
    }

    @Test
    void shouldAcceptAKeyOfThirtyTwoCharacters() {
        String key = (uniqueKey() + "0".repeat(32)).substring(0, 32);
        provision(wallet(key)).then().statusCode(201).body("externalKey", equalTo(key));
    }

    @Test
    void shouldRefuseAShortAdminPassword() {
        String key = uniqueKey();
        Map<String, Object> body = wallet(key);
        body.put("adminPassword", "elevenchars");
        provision(body).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("adminPassword"));
        provision(wallet(key)).then().statusCode(201);
    }

    @Test
    void shouldRefuseAMissingName() {
        Map<String, Object> body = wallet(uniqueKey());
        body.remove("name");
        provision(body).then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shouldRefuseWithoutToken() {
        given().contentType(ContentType.JSON)
                .body(wallet(uniqueKey()))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldRefuseAWrongToken() {
        String key = uniqueKey();
        given().auth()
                .oauth2("test-operator-token-but-wrong")
                .contentType(ContentType.JSON)
                .body(wallet(key))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        provision(wallet(key)).then().statusCode(201);
    }

    @Test
    void shouldRefuseAnAdminSessionInsteadOfTheOperatorToken() {
        Api.as(Api.adminToken())
                .body(wallet(uniqueKey()))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseBasicCredentialsOfTheOperatorToken() {
        given().auth()
                .preemptive()
                .basic("operator", Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(wallet(uniqueKey()))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseTheUpperCaseOfAnExistingKeyAsMalformed() {
        provision(wallet("ACME")).then().statusCode(400).body("errors.field", contains("externalKey"));
    }
}
