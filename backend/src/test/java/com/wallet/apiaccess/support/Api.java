package com.wallet.apiaccess.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** What most tests need: the bootstrap admin of the test wallet, clients, secrets and tokens. */
public final class Api {

    public static final String WALLET = "acme";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String OPERATOR_TOKEN = "test-operator-token";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Api() {}

    /** An id no other test uses: {@code prefix-<n>-<nanos>}, valid as clientId and username. */
    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    public static String signIn(String wallet, String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", wallet, "username", username, "password", password))
                .when()
                .post("/api/session")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    public static String adminToken() {
        return signIn(WALLET, ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates a client and answers the 201 body, secret included. */
    public static JsonPath createClient(String token, String clientId, List<String> roles) {
        return as(token)
                .body(Map.of("clientId", clientId, "roles", roles))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static String oauthClientId(String clientId) {
        return "wallet-" + WALLET + "-" + clientId;
    }

    /** client_secret_post; answers the access token. */
    public static String clientToken(String oauthClientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", oauthClientId)
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A new user in the test wallet with these roles; answers its session token. */
    public static String userWithRoles(List<String> roles) {
        String username = unique("user");
        String password = "password-" + username;
        as(adminToken())
                .body(Map.of("username", username, "password", password, "roles", roles))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return signIn(WALLET, username, password);
    }

    /** A new wallet made by the platform operator, with a key of its own; answers its first admin's session token. */
    public static String provisionWallet(String externalKey, String adminUsername, String adminPassword) {
        given().contentType(ContentType.JSON)
                .auth()
                .oauth2(OPERATOR_TOKEN)
                .body(Map.of(
                        "externalKey", externalKey,
                        "name", "Wallet " + externalKey,
                        "adminUsername", adminUsername,
                        "adminPassword", adminPassword))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        return signIn(externalKey, adminUsername, adminPassword);
    }
}
