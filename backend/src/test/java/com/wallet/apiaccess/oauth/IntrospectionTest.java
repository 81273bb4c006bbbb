package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.oauth.Introspection.Holder;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.oauth.Introspection.INTROSPECT;
import static com.wallet.apiaccess.oauth.Introspection.answered;
import static com.wallet.apiaccess.oauth.Introspection.assertInactive;
import static com.wallet.apiaccess.oauth.Introspection.changeBehindTheApi;
import static com.wallet.apiaccess.oauth.Introspection.eventually;
import static com.wallet.apiaccess.oauth.Introspection.introspect;
import static com.wallet.apiaccess.oauth.Introspection.isActive;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertInvalidClientAfterBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /oauth2/introspect} (RFC 7662): a wallet's client learns whether a token of that wallet is
 * good, exactly when {@code /api} would take it; of any other token it learns nothing but
 * {@code {"active": false}}.
 */
@QuarkusTest
class IntrospectionTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static final String RESOURCE_SERVER_ROLE = "accounts:read";

    @Test
    void shouldAnswerTheClaimsOfAnActiveTokenOfTheWallet() throws Exception {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Holder client = Holder.create(List.of("payments:change"));
        String token = client.token();
        var issued = SignedJWT.parse(token).getJWTClaimsSet();

        JsonPath answer = answered(introspect(resourceServer, token));

        assertThat(answer.getBoolean("active"), is(true));
        assertThat(answer.getString("client_id"), equalTo(client.oauthClientId()));
        assertThat(answer.getString("sub"), equalTo(client.oauthClientId()));
        assertThat(answer.getString("scope"), equalTo("payments:change payments:read"));
        assertThat(answer.getLong("exp"), equalTo(issued.getExpirationTime().getTime() / 1000));
        assertThat(answer.getLong("iat"), equalTo(issued.getIssueTime().getTime() / 1000));
        assertThat(answer.getString("iss"), equalTo(issued.getIssuer()));
        assertThat(answer.getString("aud"), equalTo("wallet-api"));
        assertThat(answer.getString("token_type"), equalTo("Bearer"));
        assertThat(answer.getString("wallet"), equalTo(Api.WALLET));
    }

    @Test
    void shouldTakeTheCallerByHttpBasicToo() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String token = Holder.create(List.of("accounts:read")).token();

        Response response = given().contentType(TokenEndpoint.FORM)
                .header("Authorization", basic(resourceServer.oauthClientId(), resourceServer.secret()))
                .body(form("token", token, "token_type_hint", "access_token"))
                .when()
                .post(INTROSPECT);

        assertThat(answered(response).getBoolean("active"), is(true));
    }

    @Test
    void shouldIgnoreAnUnknownTokenTypeHint() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String token = resourceServer.token();
        assertThat(
                answered(introspect(resourceServer, token, "token_type_hint", "something_else"))
                        .getBoolean("active"),
                is(true));
    }

    @Test
    void shouldNotTellAClientOfAnotherWalletAnything() {
        String key = "intw" + Long.toString(System.nanoTime(), 36).substring(0, 8);
        String otherAdmin = Api.provisionWallet(key, "other", "a-good-other-password");
        String otherId = Api.unique("intro-other");
        String otherSecret =
                Api.createClient(otherAdmin, otherId, List.of("accounts:read")).getString("clientSecret");
        Holder stranger = new Holder(otherId, "wallet-" + key + "-" + otherId, otherSecret);
        Holder client = Holder.create(List.of("accounts:read"));

        // Each wallet's token is good, and inactive to the other wallet's clients, both ways round.
        assertThat(isActive(stranger, stranger.token()), is(true));
        assertInactive(introspect(stranger, client.token()));
        assertInactive(introspect(client, stranger.token()));
    }

    @Test
    void shouldSayInactiveForGarbageAndForeignTokens() throws Exception {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        assertInactive(introspect(resourceServer, "this-is-not-a-jwt"));
        assertInactive(introspect(resourceServer, "abc.def.ghi"));

        // The claims of a real token, signed by a key of someone else's under our kid.
        SignedJWT real = SignedJWT.parse(resourceServer.token());
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(real.getHeader().getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                real.getJWTClaimsSet());
        forged.sign(new ECDSASigner(stranger));
        assertInactive(introspect(resourceServer, forged.serialize()));
    }

    @Test
    void shouldNotTakeATamperedCopyOfATokenItHasSeen() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String token = Holder.create(List.of("accounts:read")).token();
        assertThat(isActive(resourceServer, token), is(true)); // now remembered as verified

        String head = token.substring(0, token.length() - 1);
        char last = token.charAt(token.length() - 1);
        // the last character's low bits are unused: a change there alone decodes to the same signature
        assertInactive(introspect(resourceServer, head + (last == 'A' ? 'B' : 'A')));
        int middle = token.length() - 20;
        assertInactive(introspect(
                resourceServer,
                token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1)));
        assertInactive(introspect(resourceServer, head + "\u00e9"));
        assertInactive(introspect(resourceServer, head + "\u00e9\u00e9"));
        assertInactive(introspect(resourceServer, token + "."));
        assertThat(isActive(resourceServer, token), is(true));
    }

    @Test
    void shouldSayInactiveForAConsoleSession() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        assertInactive(introspect(resourceServer, Api.adminToken()));
    }

    @Test
    void shouldSayInactiveOnceTheTokensClientIsDeleted() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Holder client = Holder.create(List.of("accounts:read"));
        String token = client.token();
        assertThat(isActive(resourceServer, token), is(true));

        Api.as(Api.adminToken())
                .when()
                .delete("/api/clients/" + client.clientId())
                .then()
                .statusCode(204);

        assertInactive(introspect(resourceServer, token));
    }

    @Test
    void shouldSayInactiveWhileTheTokensClientIsDisabled() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Holder client = Holder.create(List.of("accounts:read"));
        String token = client.token();
        assertThat(isActive(resourceServer, token), is(true));

        setEnabled(client, false);
        assertInactive(introspect(resourceServer, token));

        setEnabled(client, true);
        assertThat(isActive(resourceServer, token), is(true));
    }

    @Test
    void shouldSayInactiveOnceTheTokensClientHasExpired() throws Exception {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Holder client = Holder.create(List.of("accounts:read"));
        String token = client.token();
        assertThat(isActive(resourceServer, token), is(true));

        changeBehindTheApi(
                database,
                "update api_client set expiry_date = ? where client_id = ?",
                client.clientId(),
                LocalDate.now(ZoneOffset.UTC).minusDays(1));

        eventually("the expired client's token is inactive", () -> !isActive(resourceServer, token));
        assertInactive(introspect(resourceServer, token));
    }

    @Test
    void shouldSayInactiveOnceTheSecretTheTokenWasIssuedWithRetires() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String admin = Api.adminToken();
        Holder client = Holder.create(admin, List.of("accounts:read"));
        String oldToken = client.token();
        String oldSecretId = Api.as(admin)
                .when()
                .get("/api/clients/" + client.clientId())
                .then()
                .statusCode(200)
                .extract()
                .path("secrets[0].secretId");
        String fresh = Api.as(admin)
                .body(Map.of())
                .when()
                .post("/api/clients/" + client.clientId() + "/secrets")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");
        String freshToken = Api.clientToken(client.oauthClientId(), fresh);

        Api.as(admin)
                .when()
                .delete("/api/clients/" + client.clientId() + "/secrets/" + oldSecretId)
                .then()
                .statusCode(204);

        assertInactive(introspect(resourceServer, oldToken));
        assertThat(isActive(resourceServer, freshToken), is(true));
    }

    @Test
    void shouldNameOnlyTheRolesTheClientStillHolds() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Holder client = Holder.create(List.of("payments:change"));
        String token = client.token();

        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("payments:read")))
                .when()
                .put("/api/clients/" + client.clientId())
                .then()
                .statusCode(200);

        assertThat(answered(introspect(resourceServer, token)).getString("scope"), equalTo("payments:read"));
    }

    @Test
    void shouldRefuseACallerThatDoesNotAuthenticate() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String token = resourceServer.token();

        assertInvalidClientAfterBasic(given().contentType(TokenEndpoint.FORM)
                .header("Authorization", basic(resourceServer.oauthClientId(), "not-the-secret"))
                .body(form("token", token))
                .when()
                .post(INTROSPECT));
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .body(form(
                                "client_id",
                                resourceServer.oauthClientId(),
                                "client_secret",
                                "not-the-secret",
                                "token",
                                token))
                        .when()
                        .post(INTROSPECT),
                401,
                "invalid_client");
        // Holding a token is no authentication at all.
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .body(form("token", token))
                        .when()
                        .post(INTROSPECT),
                401,
                "invalid_client");
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .header("Authorization", "Bearer " + token)
                        .body(form("token", token))
                        .when()
                        .post(INTROSPECT),
                400,
                "invalid_request");
    }

    @Test
    void shouldRefuseARepeatedParameterOrAMissingToken() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        String token = resourceServer.token();

        assertOAuthError(introspect(resourceServer, token, "token", token), 400, "invalid_request");
        assertOAuthError(
                given().contentType(TokenEndpoint.FORM)
                        .body(form(
                                "client_id", resourceServer.oauthClientId(), "client_secret", resourceServer.secret()))
                        .when()
                        .post(INTROSPECT),
                400,
                "invalid_request");
        assertOAuthError(
                given().contentType("application/json")
                        .body("{\"token\":\"" + token + "\"}")
                        .when()
                        .post(INTROSPECT),
                400,
                "invalid_request");
    }

    @Test
    void shouldAnswerEveryMethodButPostWithAnOAuthError() {
        assertOAuthError(given().when().get(INTROSPECT), 405, "invalid_request");
    }

    @Test
    void shouldAnswerAnOversizedBodyWithAnOAuthError() {
        Holder resourceServer = Holder.create(List.of(RESOURCE_SERVER_ROLE));
        Response response = introspect(resourceServer, "x".repeat(20_000));
        assertOAuthError(response, 400, "invalid_request");
        assertThat(response.getBody().asString().length(), greaterThan(0));
    }

    private static void setEnabled(Holder client, boolean enabled) {
        Api.as(Api.adminToken())
                .body(Map.of("roles", List.of("accounts:read"), "enabled", enabled))
                .when()
                .put("/api/clients/" + client.clientId())
                .then()
                .statusCode(200);
    }
}
