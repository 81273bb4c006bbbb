package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.oauth.TokenEndpoint.assertInvalidClientAfterBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static com.wallet.apiaccess.oauth.TokenEndpoint.issued;
import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.post;
import static com.wallet.apiaccess.oauth.TokenEndpoint.postWithBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * invalid_client: whatever is wrong with the credentials, the answer says the same thing, so that
 * nobody learns from it which clients or wallets exist.
 */
@QuarkusTest
class ClientAuthenticationTest {

    private static final String GRANT = form("grant_type", "client_credentials");

    @ConfigProperty(name = "test.database.name")
    String database;

    private static Response withBasic(String oauthClientId, String secret) {
        return postWithBasic(basic(oauthClientId, secret), GRANT);
    }

    /** The answer to a client id nobody has: what every other authentication failure must repeat. */
    private static JsonPath unknownClientAnswer() {
        return assertInvalidClientAfterBasic(withBasic(Api.oauthClientId(Api.unique("nobody")), "some-secret"));
    }

    private static void assertSameAsUnknownClient(JsonPath answer) {
        assertSame(unknownClientAnswer(), answer);
    }

    private static void assertSame(JsonPath reference, JsonPath answer) {
        assertThat(answer.getString("error"), equalTo(reference.getString("error")));
        assertThat(answer.getString("error_description"), equalTo(reference.getString("error_description")));
    }

    private static String wrongSecret(TestClient client) {
        String secret = client.secret();
        return secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
    }

    @Test
    void shouldRefuseAnUnknownClientWithABasicChallenge() {
        String unknown = Api.oauthClientId(Api.unique("nobody"));
        JsonPath answer = assertInvalidClientAfterBasic(withBasic(unknown, "some-secret"));
        assertThat(answer.getString("error_description"), not(containsString(unknown)));
    }

    @Test
    void shouldRefuseAWrongSecretLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        assertSameAsUnknownClient(
                assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), wrongSecret(client))));
    }

    @Test
    void shouldRefuseTheSecretOfAnotherClientLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        TestClient other = newClient(List.of("accounts:read"));
        assertSameAsUnknownClient(assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), other.secret())));
    }

    @Test
    void shouldRefuseADeletedClientLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        issued(secretPost(client, null));
        Api.as(Api.adminToken())
                .when()
                .delete("/api/clients/" + client.clientId())
                .then()
                .statusCode(204);
        assertSameAsUnknownClient(assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), client.secret())));
    }

    @Test
    void shouldRefuseAClientPresentedUnderAnotherWalletLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        String otherWallet = "w" + Long.toString(System.nanoTime(), 36);
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalKey",
                        otherWallet,
                        "name",
                        "Other wallet",
                        "adminUsername",
                        "admin",
                        "adminPassword",
                        "other-password-1"))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        String underOtherWallet = "wallet-" + otherWallet + "-" + client.clientId();
        assertSameAsUnknownClient(assertInvalidClientAfterBasic(withBasic(underOtherWallet, client.secret())));
    }

    @Test
    void shouldRefuseAClientPresentedUnderAWalletThatDoesNotExistLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        String underNoWallet = "wallet-nosuchwallet" + System.nanoTime() % 1000 + "-" + client.clientId();
        assertSameAsUnknownClient(assertInvalidClientAfterBasic(withBasic(underNoWallet, client.secret())));
    }

    @Test
    void shouldRefuseMalformedOAuthClientIdsLikeAnUnknownClient() {
        TestClient client = newClient(List.of("accounts:read"));
        JsonPath reference = unknownClientAnswer();
        for (String malformed : List.of(
                client.clientId(), // no wallet prefix
                "wallet-" + Api.WALLET, // no clientId
                "wallet-" + Api.WALLET + "-", // empty clientId
                "wallet-ACME-" + client.clientId(), // upper-case wallet key
                "wallet-" + Api.WALLET + "-" + client.clientId().toUpperCase(), // upper-case clientId
                "wallet-" + Api.WALLET + "-a", // clientId too short
                "Wallet-" + Api.WALLET + "-" + client.clientId())) { // prefix in the wrong case
            assertSame(reference, assertInvalidClientAfterBasic(withBasic(malformed, client.secret())));
        }
    }

    @Test
    void shouldRefuseAWrongSecretByClientSecretPostLikeByBasic() {
        TestClient client = newClient(List.of("accounts:read"));
        Response response = post(form(
                "grant_type",
                "client_credentials",
                "client_id",
                client.oauthClientId(),
                "client_secret",
                wrongSecret(client)));
        assertSameAsUnknownClient(assertOAuthError(response, 401, "invalid_client"));
    }

    @Test
    void shouldRefuseARequestWithoutClientAuthentication() {
        assertOAuthError(post(GRANT), 401, "invalid_client");
    }

    @Test
    void shouldRefuseAClientIdWithoutASecret() {
        TestClient client = newClient(List.of("accounts:read"));
        assertOAuthError(
                post(form("grant_type", "client_credentials", "client_id", client.oauthClientId())),
                401,
                "invalid_client");
    }

    @Test
    void shouldRefuseBasicCredentialsWithAnEmptySecret() {
        TestClient client = newClient(List.of("accounts:read"));
        String authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((client.oauthClientId() + ":").getBytes(StandardCharsets.US_ASCII));
        assertInvalidClientAfterBasic(postWithBasic(authorization, GRANT));
    }

    @Test
    void shouldRefuseAnExpiredClientWithTheRightSecret() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenEndpoint.setExpiryDate(
                database, client.clientId(), TokenEndpoint.todayUtc().minusDays(1));
        assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), client.secret()));
    }

    @Test
    void shouldNotRevealThatAClientExpiredWithoutItsSecret() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenEndpoint.setExpiryDate(
                database, client.clientId(), TokenEndpoint.todayUtc().minusDays(1));
        JsonPath answer = assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), wrongSecret(client)));
        assertThat(answer.getString("error_description"), not(containsStringIgnoringCase("expire")));
        assertSameAsUnknownClient(answer);
    }

    @Test
    void shouldStillServeAClientOnItsExpiryDate() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenEndpoint.setExpiryDate(database, client.clientId(), TokenEndpoint.todayUtc());
        issued(withBasic(client.oauthClientId(), client.secret()));
    }
}
