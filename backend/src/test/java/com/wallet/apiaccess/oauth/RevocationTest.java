package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.oauth.Introspection.Holder;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static com.wallet.apiaccess.auth.Bearer.assertInvalidToken;
import static com.wallet.apiaccess.auth.Bearer.listClientsWith;
import static com.wallet.apiaccess.oauth.Introspection.REVOKE;
import static com.wallet.apiaccess.oauth.Introspection.assertInactive;
import static com.wallet.apiaccess.oauth.Introspection.introspect;
import static com.wallet.apiaccess.oauth.Introspection.isActive;
import static com.wallet.apiaccess.oauth.Introspection.revoke;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertInvalidClientAfterBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /oauth2/revoke} (RFC 7009): a client ends its own tokens, and only its own; every answer
 * to an authenticated caller is the same empty 200, so that nobody learns about tokens that are not theirs.
 */
@QuarkusTest
class RevocationTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static void assertRevokedAnswer(Response response) {
        response.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(response.getBody().asString(), is(emptyString()));
    }

    @Test
    void shouldRefuseARevokedTokenOnTheApiAndAtIntrospection() throws Exception {
        Holder client = Holder.create(List.of("api-access:read"));
        Holder resourceServer = Holder.create(List.of("accounts:read"));
        String token = client.token();
        String other = client.token();
        listClientsWith(token).then().statusCode(200);

        assertRevokedAnswer(revoke(client, token));

        assertInvalidToken(listClientsWith(token));
        assertInactive(introspect(resourceServer, token));
        // Only that token: the client's other one, and the client, go on.
        listClientsWith(other).then().statusCode(200);
        assertThat(isActive(resourceServer, other), is(true));
        // Kept until the token's own exp, so that every replica, started now or later, finds it.
        assertThat(
                storedExpiry(SignedJWT.parse(token).getJWTClaimsSet().getJWTID()),
                equalTo(SignedJWT.parse(token)
                                .getJWTClaimsSet()
                                .getExpirationTime()
                                .getTime()
                        / 1000));
    }

    @Test
    void shouldNotRevokeAnotherClientsToken() {
        Holder victim = Holder.create(List.of("api-access:read"));
        Holder attacker = Holder.create(List.of("accounts:read"));
        String token = victim.token();

        assertRevokedAnswer(revoke(attacker, token));

        listClientsWith(token).then().statusCode(200);
        assertThat(isActive(attacker, token), is(true));
    }

    @Test
    void shouldNotRevokeATokenOfAnotherWallet() {
        String key = "revw" + Long.toString(System.nanoTime(), 36).substring(0, 8);
        String otherAdmin = Api.provisionWallet(key, "other", "a-good-other-password");
        // The same clientId in both wallets: the wallet, not only the clientId, must match.
        String clientId = Api.unique("rev-twin");
        String otherSecret = Api.createClient(otherAdmin, clientId, List.of("api-access:read"))
                .getString("clientSecret");
        Holder stranger = new Holder(clientId, "wallet-" + key + "-" + clientId, otherSecret);
        String ourSecret = Api.createClient(Api.adminToken(), clientId, List.of("api-access:read"))
                .getString("clientSecret");
        Holder twin = new Holder(clientId, Api.oauthClientId(clientId), ourSecret);
        String token = twin.token();

        assertRevokedAnswer(revoke(stranger, token));

        listClientsWith(token).then().statusCode(200);
        assertThat(isActive(twin, token), is(true));
    }

    @Test
    void shouldAnswerTheSameForTokensItDoesNotKnow() {
        Holder client = Holder.create(List.of("accounts:read"));
        assertRevokedAnswer(revoke(client, "this-is-not-a-jwt"));
        assertRevokedAnswer(revoke(client, "abc.def.ghi"));
        assertRevokedAnswer(revoke(client, Api.adminToken()));
    }

    @Test
    void shouldRevokeWhateverTheHintSays() {
        Holder client = Holder.create(List.of("api-access:read"));
        String token = client.token();

        assertRevokedAnswer(revoke(client, token, "token_type_hint", "refresh_token"));

        assertInvalidToken(listClientsWith(token));
    }

    @Test
    void shouldTakeTheCallerByHttpBasicToo() {
        Holder client = Holder.create(List.of("api-access:read"));
        String token = client.token();

        assertRevokedAnswer(given().contentType(TokenEndpoint.FORM)
                .header("Authorization", basic(client.oauthClientId(), client.secret()))
                .body(form("token", token))
                .when()
                .post(REVOKE));

        assertInvalidToken(listClientsWith(token));
    }

    @Test
    void shouldRefuseACallerThatDoesNotAuthenticateAndKeepTheToken() {
        Holder client = Holder.create(List.of("api-access:read"));
        String token = client.token();

        assertInvalidClientAfterBasic(given().contentType(TokenEndpoint.FORM)
                .header("Authorization", basic(client.oauthClientId(), "not-the-secret"))
                .body(form("token", token))
                .when()
                .post(REVOKE));
        // A stolen token does not revoke itself: it is no client authentication.
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .body(form("client_id", client.oauthClientId(), "token", token))
                        .when()
                        .post(REVOKE),
                401,
                "invalid_client");

        listClientsWith(token).then().statusCode(200);
    }

    @Test
    void shouldRefuseARepeatedParameterOrAMissingToken() {
        Holder client = Holder.create(List.of("api-access:read"));
        String token = client.token();

        assertOAuthError(revoke(client, token, "token", token), 400, "invalid_request");
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .body(form("client_id", client.oauthClientId(), "client_secret", client.secret()))
                        .when()
                        .post(REVOKE),
                400,
                "invalid_request");
        listClientsWith(token).then().statusCode(200);
    }

    private long storedExpiry(String jti) throws Exception {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement query = connection.prepareStatement(
                        "select extract(epoch from expires_at)::bigint from revoked_token where jti = ?")) {
            query.setString(1, jti);
            try (ResultSet rows = query.executeQuery()) {
                assertThat("a revoked_token row", rows.next(), is(true));
                return rows.getLong(1);
            }
        }
    }
}
