package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.oauth.TokenEndpoint.assertInvalidClientAfterBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static com.wallet.apiaccess.oauth.TokenEndpoint.issued;
import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.postWithBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** Repeated failed client authentications from one source are throttled; other clients are not. */
@QuarkusTest
@TestProfile(TokenThrottleTest.ThreeFailures.class)
class TokenThrottleTest {

    private static final int LIMIT = 3;
    private static final String GRANT = form("grant_type", "client_credentials");

    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.throttle.max-failures-per-identifier", Integer.toString(LIMIT));
        }
    }

    private static Response withBasic(String oauthClientId, String secret) {
        return postWithBasic(basic(oauthClientId, secret), GRANT);
    }

    private static void failTheLimit(TestClient client) {
        for (int i = 0; i < LIMIT; i++) {
            assertInvalidClientAfterBasic(withBasic(client.oauthClientId(), "wrong-secret-" + i));
        }
    }

    /** 429, a Retry-After of at most the one-minute window, and an RFC 6749 error body. */
    private static void assertThrottled(Response response) {
        response.then().statusCode(429);
        String retryAfter = response.header("Retry-After");
        assertThat("Retry-After", retryAfter, notNullValue());
        assertThat(retryAfter, matchesPattern("[0-9]+"));
        assertThat(Long.parseLong(retryAfter), allOf(greaterThanOrEqualTo(1L), lessThanOrEqualTo(60L)));
        JsonPath body = assertOAuthError(response, 429, response.jsonPath().getString("error"));
        // RFC 6749 §5.2: error is a single ASCII token.
        assertThat(body.getString("error"), matchesPattern("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"));
    }

    @Test
    void shouldCountFailedClientAssertionsLikeWrongSecrets() {
        TestKey key = TestKeys.ec256();
        TestKey wrong = TestKeys.ec256();
        String clientId = Api.unique("thr-key");
        TestKeys.createKeyClient(Api.adminToken(), clientId, List.of("accounts:read"), key);
        String oauthClientId = Api.oauthClientId(clientId);
        for (int i = 0; i < LIMIT; i++) {
            assertOAuthError(withAssertion(wrong.assertion(oauthClientId, key.thumbprint())), 401, "invalid_client");
        }
        // past the limit even the right key waits: the account is throttled, not just the bad signatures
        assertThrottled(withAssertion(key.assertion(oauthClientId, key.thumbprint())));
    }

    private static Response withAssertion(String assertion) {
        return TokenEndpoint.post(form(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                TestKeys.JWT_BEARER,
                "client_assertion",
                assertion));
    }

    @Test
    void shouldAnswerEveryFailureUpToTheLimitWithInvalidClient() {
        TestClient client = newClient(List.of("accounts:read"));
        failTheLimit(client);
    }

    @Test
    void shouldThrottleTheSourceBeyondTheLimit() {
        TestClient client = newClient(List.of("accounts:read"));
        failTheLimit(client);
        assertThrottled(withBasic(client.oauthClientId(), "wrong-secret-again"));
    }

    @Test
    void shouldThrottleEvenTheRightSecretBeyondTheLimit() {
        TestClient client = newClient(List.of("accounts:read"));
        failTheLimit(client);
        assertThrottled(withBasic(client.oauthClientId(), client.secret()));
        assertThrottled(secretPost(client, null));
    }

    @Test
    void shouldThrottleGuessesAtAClientIdThatDoesNotExist() {
        String unknown = Api.oauthClientId(Api.unique("nobody"));
        for (int i = 0; i < LIMIT; i++) {
            assertInvalidClientAfterBasic(withBasic(unknown, "guess-" + i));
        }
        assertThrottled(withBasic(unknown, "guess-again"));
    }

    @Test
    void shouldNotSlowOtherClientsOfTheSameSource() {
        TestClient attacked = newClient(List.of("accounts:read"));
        TestClient other = newClient(List.of("accounts:read"));
        failTheLimit(attacked);
        assertThrottled(withBasic(attacked.oauthClientId(), attacked.secret()));
        issued(withBasic(other.oauthClientId(), other.secret()));
    }

    @Test
    void shouldNotCountSuccessesAsFailures() {
        TestClient client = newClient(List.of("accounts:read"));
        for (int i = 0; i < LIMIT + 2; i++) {
            issued(secretPost(client, null));
        }
    }

    /** Introspection and revocation authenticate the caller as the token endpoint does: one count, one throttle. */
    @Test
    void shouldCountFailuresAtIntrospectionAndRevocationWithTheTokenEndpoints() {
        TestClient client = newClient(List.of("accounts:read"));
        String token = issued(secretPost(client, null)).getString("access_token");
        String[] paths = {Introspection.INTROSPECT, Introspection.REVOKE, Introspection.INTROSPECT};
        for (int i = 0; i < LIMIT; i++) {
            assertInvalidClientAfterBasic(postWithBasicTo(paths[i % paths.length], client, "wrong-secret-" + i, token));
        }
        assertThrottled(withBasic(client.oauthClientId(), client.secret()));
        assertThrottled(postWithBasicTo(Introspection.INTROSPECT, client, client.secret(), token));
        assertThrottled(postWithBasicTo(Introspection.REVOKE, client, client.secret(), token));
    }

    private static Response postWithBasicTo(String path, TestClient client, String secret, String token) {
        return TokenEndpoint.formRequest(form("token", token))
                .header("Authorization", basic(client.oauthClientId(), secret))
                .when()
                .post(path);
    }
}
