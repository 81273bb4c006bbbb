package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The calls the credential lifecycle tests make, against the running service. */
final class Secrets {

    private Secrets() {}

    static ValidatableResponse rotate(String token, String clientId, Map<String, ?> body) {
        return Api.as(token)
                .body(body)
                .when()
                .post(ClientChecks.CLIENTS + "/" + clientId + "/secrets")
                .then();
    }

    static JsonPath rotated(String token, String clientId) {
        return rotate(token, clientId, Map.of()).statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse retire(String token, String clientId, String secretId) {
        return Api.as(token)
                .when()
                .delete(ClientChecks.CLIENTS + "/" + clientId + "/secrets/" + secretId)
                .then();
    }

    /** The client's live secrets as GET shows them, oldest first. */
    static List<Map<String, Object>> secretsOf(String token, String clientId) {
        return ClientChecks.get(token, clientId)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("secrets");
    }

    static String secretIdAt(String token, String clientId, int index) {
        return (String) secretsOf(token, clientId).get(index).get("secretId");
    }

    /** client_secret_post with this secret; the answer as it comes. */
    static Response tokenRequest(String oauthClientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", oauthClientId)
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token");
    }

    /** Forgets what the token endpoint cached of the client, as any change through the API does. */
    static void touch(String token, String clientId) {
        List<String> roles = ClientChecks.get(token, clientId)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("roles");
        ClientChecks.put(token, clientId, Map.of("roles", roles)).statusCode(200);
    }

    static ValidatableResponse lookUp(String linkToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", linkToken))
                .when()
                .post("/api/handoff/lookup")
                .then();
    }

    static ValidatableResponse open(String linkToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", linkToken))
                .when()
                .post("/api/handoff/open")
                .then();
    }

    /** What follows {@code #} in a secret link. */
    static String linkToken(String secretLink) {
        return secretLink.substring(secretLink.indexOf('#') + 1);
    }
}
