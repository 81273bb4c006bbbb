package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.client.UsageRecorder;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static com.wallet.apiaccess.oauth.TokenEndpoint.post;
import static com.wallet.apiaccess.oauth.TokenEndpoint.postWithBasic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code private_key_jwt} (RFC 7523 §2.2) at the token endpoint, each rule as the attack it stops. Every
 * refused assertion answers exactly what a wrong secret answers: no oracle.
 */
@QuarkusTest
class PrivateKeyJwtTest {

    private static final List<String> ROLES = List.of("api-access:read");

    @Inject
    UsageRecorder usage;

    record KeyClient(String clientId, String oauthClientId, TestKey key) {

        String assertion() {
            return key.assertion(oauthClientId, key.thumbprint());
        }

        String sign(Map<String, Object> claims) {
            return key.sign(claims, key.thumbprint());
        }

        Map<String, Object> claims() {
            return TestKeys.claims(oauthClientId);
        }
    }

    static KeyClient keyClient(TestKey key) {
        String clientId = Api.unique("pkj");
        TestKeys.createKeyClient(Api.adminToken(), clientId, ROLES, key);
        return new KeyClient(clientId, Api.oauthClientId(clientId), key);
    }

    static Response withAssertion(String assertion) {
        return post(form(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                TestKeys.JWT_BEARER,
                "client_assertion",
                assertion));
    }

    static String tokenOf(Response response) {
        return TokenEndpoint.issued(response).getString("access_token");
    }

    /** What a wrong secret answers; every refused assertion must answer the same. */
    static void assertRefused(Response response) {
        JsonPath body = assertOAuthError(response, 401, "invalid_client");
        assertThat(body.getString("error_description")).isEqualTo(OAuthError.AUTHENTICATION_FAILED);
    }

    @Test
    void shouldIssueATokenForEachSupportedAlgorithm() throws Exception {
        for (TestKey key : new TestKey[] {TestKeys.ec256(), TestKeys.ec384(), TestKeys.rsa(2048), TestKeys.ed25519()}) {
            KeyClient client = keyClient(key);
            Response response = withAssertion(client.assertion());
            String token = tokenOf(response);

            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getJWTClaimsSet().getSubject()).as(key.alg()).isEqualTo(client.oauthClientId());
            assertThat(jwt.getJWTClaimsSet().getStringClaim("credential_ref")).isNotBlank();
            Api.as(token).when().get("/api/clients/" + client.clientId()).then().statusCode(200);
        }
    }

    @Test
    void shouldAcceptTheIssuerAsAudienceInAnArrayAndAMatchingClientId() {
        KeyClient client = keyClient(TestKeys.ec256());
        Map<String, Object> claims = client.claims();
        claims.put("aud", List.of("https://someone-else.example", TestKeys.ISSUER));

        tokenOf(post(form(
                "grant_type",
                "client_credentials",
                "client_id",
                client.oauthClientId(),
                "client_assertion_type",
                TestKeys.JWT_BEARER,
                "client_assertion",
                client.sign(claims))));
    }

    @Test
    void shouldAcceptAnAssertionWithoutKidWhenTheClientHasOneKey() {
        KeyClient client = keyClient(TestKeys.ec256());
        tokenOf(withAssertion(client.key().assertion(client.oauthClientId(), null)));
    }

    @Test
    void shouldRefuseAnAssertionWithoutKidWhenTheClientHasTwoKeys() {
        KeyClient client = keyClient(TestKeys.ec256());
        TestKey second = TestKeys.ec256();
        Api.as(Api.adminToken())
                .body(Map.of("jwk", second.publicJwk()))
                .post("/api/clients/" + client.clientId() + "/keys")
                .then()
                .statusCode(201);

        assertRefused(withAssertion(second.assertion(client.oauthClientId(), null)));
        tokenOf(withAssertion(second.assertion(client.oauthClientId(), second.thumbprint())));
        tokenOf(withAssertion(client.assertion()));
    }

    @Test
    void shouldRefuseAReplayedAssertion() {
        KeyClient client = keyClient(TestKeys.ec256());
        String assertion = client.assertion();

        tokenOf(withAssertion(assertion));
        assertRefused(withAssertion(assertion));
    }

    @Test
    void shouldRefuseAReplayOnceTheClientIsCached() {
        KeyClient client = keyClient(TestKeys.rsa(2048));
        tokenOf(withAssertion(client.assertion())); // the client is cached from here on
        String assertion = client.assertion();

        tokenOf(withAssertion(assertion));
        assertRefused(withAssertion(assertion));
        assertRefused(withAssertion(assertion));
    }

    @Test
    void shouldRefuseAnAssertionWhosePayloadWasChangedAfterSigning() {
        KeyClient client = keyClient(TestKeys.ec256());
        tokenOf(withAssertion(client.assertion()));
        String[] signed = client.assertion().split("\\.");
        String[] other = client.assertion().split("\\.");

        assertRefused(withAssertion(signed[0] + "." + other[1] + "." + signed[2]));
        // and the untouched one still works: the failure did not claim its jti
        tokenOf(withAssertion(String.join(".", signed)));
    }

    @Test
    void shouldRefuseAnEcdsaSignatureInDerRatherThanJwsForm() throws Exception {
        TestKey key = TestKeys.ec256();
        KeyClient client = keyClient(key);
        tokenOf(withAssertion(client.assertion())); // cached: the path that checks without waiting
        String[] parts = client.assertion().split("\\.");
        Signature der = Signature.getInstance("SHA256withECDSA");
        der.initSign(key.pair().getPrivate());
        der.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String derSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(der.sign());

        assertRefused(withAssertion(parts[0] + "." + parts[1] + "." + derSignature));
        tokenOf(withAssertion(String.join(".", parts))); // the same assertion, r || s: accepted
    }

    @Test
    void shouldRefuseACriticalHeaderItDoesNotUnderstand() throws Exception {
        TestKey key = TestKeys.ec256();
        KeyClient client = keyClient(key);
        assertRefused(withAssertion(critical(client, key))); // the client's first request: the general path
        assertRefused(withAssertion(critical(client, key))); // cached: the path that checks without waiting
    }

    private static String critical(KeyClient client, TestKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(io.vertx.core.json.Json.encode(client.claims()));
        jws.setAlgorithmHeaderValue(key.alg());
        jws.setKeyIdHeaderValue(key.thumbprint());
        jws.setHeader("urn:example:must-understand", "yes");
        jws.setCriticalHeaderNames("urn:example:must-understand");
        jws.setKey(key.pair().getPrivate());
        return jws.getCompactSerialization();
    }

    @Test
    void shouldLetOnlyOneOfConcurrentReplaysWin() throws Exception {
        KeyClient client = keyClient(TestKeys.ec256());
        tokenOf(withAssertion(client.assertion())); // the client is cached: the replays race on the jti alone
        String assertion = client.assertion();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> replays = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                replays.add(() -> withAssertion(assertion).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(replays)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 401);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnExpiredAssertionAndOneThatLastsTooLong() {
        KeyClient client = keyClient(TestKeys.ec256());
        long now = Instant.now().getEpochSecond();

        Map<String, Object> expired = client.claims();
        expired.put("iat", now - 120);
        expired.put("exp", now - 1);
        assertRefused(withAssertion(client.sign(expired)));

        Map<String, Object> tooLong = client.claims();
        tooLong.put("exp", now + 600);
        assertRefused(withAssertion(client.sign(tooLong)));

        Map<String, Object> noExp = client.claims();
        noExp.remove("exp");
        assertRefused(withAssertion(client.sign(noExp)));

        Map<String, Object> fiveMinutes = client.claims();
        fiveMinutes.put("exp", now + 300);
        tokenOf(withAssertion(client.sign(fiveMinutes)));
    }

    @Test
    void shouldRefuseAnAssertionFromTheFuture() {
        KeyClient client = keyClient(TestKeys.ec256());
        long now = Instant.now().getEpochSecond();

        Map<String, Object> notYet = client.claims();
        notYet.put("nbf", now + 120);
        assertRefused(withAssertion(client.sign(notYet)));

        Map<String, Object> issuedLater = client.claims();
        issuedLater.put("iat", now + 120);
        assertRefused(withAssertion(client.sign(issuedLater)));

        Map<String, Object> smallSkew = client.claims();
        smallSkew.put("iat", now + 10);
        smallSkew.put("nbf", now + 10);
        tokenOf(withAssertion(client.sign(smallSkew)));
    }

    @Test
    void shouldRefuseAnAssertionMeantForAnotherAudience() {
        KeyClient client = keyClient(TestKeys.ec256());
        Map<String, Object> claims = client.claims();
        claims.put("aud", "https://other-server.example/oauth2/token");
        assertRefused(withAssertion(client.sign(claims)));

        Map<String, Object> noAud = client.claims();
        noAud.remove("aud");
        assertRefused(withAssertion(client.sign(noAud)));
    }

    @Test
    void shouldRefuseAnAssertionWhoseIssuerIsNotItsSubject() {
        KeyClient client = keyClient(TestKeys.ec256());
        KeyClient other = keyClient(TestKeys.ec256());
        Map<String, Object> claims = client.claims();
        claims.put("sub", other.oauthClientId());
        assertRefused(withAssertion(client.sign(claims)));
    }

    @Test
    void shouldRefuseAClientIdThatIsNotTheIssuer() {
        KeyClient client = keyClient(TestKeys.ec256());
        KeyClient other = keyClient(TestKeys.ec256());
        assertRefused(post(form(
                "grant_type",
                "client_credentials",
                "client_id",
                other.oauthClientId(),
                "client_assertion_type",
                TestKeys.JWT_BEARER,
                "client_assertion",
                client.assertion())));
    }

    @Test
    void shouldRefuseAnAssertionWithoutJti() {
        KeyClient client = keyClient(TestKeys.ec256());
        Map<String, Object> claims = client.claims();
        claims.remove("jti");
        assertRefused(withAssertion(client.sign(claims)));
    }

    @Test
    void shouldRefuseAnAssertionSignedByAnotherClientsKey() {
        KeyClient victim = keyClient(TestKeys.ec256());
        KeyClient attacker = keyClient(TestKeys.ec256());

        // the attacker's own key, naming the victim, with or without the attacker's kid
        assertRefused(withAssertion(
                attacker.key().sign(victim.claims(), attacker.key().thumbprint())));
        assertRefused(withAssertion(attacker.key().sign(victim.claims(), null)));
        // the victim's kid in the header does not make the attacker's signature the victim's
        assertRefused(
                withAssertion(attacker.key().sign(victim.claims(), victim.key().thumbprint())));
    }

    @Test
    void shouldRefuseAKeyThatOnlyAClientOfAnotherWalletHolds() {
        KeyClient ours = keyClient(TestKeys.ec256());
        String otherAdmin = Api.provisionWallet(
                com.wallet.apiaccess.support.Api.unique("w")
                        .replaceAll("[^a-z0-9]", "")
                        .substring(0, 8),
                "boss",
                "password-of-the-boss");
        TestKey theirs = TestKeys.ec256();
        TestKeys.createKeyClient(otherAdmin, Api.unique("theirs"), ROLES, theirs);

        assertRefused(withAssertion(theirs.sign(ours.claims(), theirs.thumbprint())));
        assertRefused(withAssertion(theirs.sign(ours.claims(), null)));
    }

    @Test
    void shouldRefuseUnsignedAndHmacAssertions() {
        KeyClient client = keyClient(TestKeys.rsa(2048));
        assertRefused(
                withAssertion(TestKeys.unsigned(client.claims(), client.key().thumbprint())));
        assertRefused(withAssertion(TestKeys.unsigned(client.claims(), null)));
        // key confusion: HS256 keyed with the public key, which the attacker knows
        assertRefused(withAssertion(TestKeys.hmacWithPublicKey(
                client.claims(), client.key(), client.key().thumbprint())));
        assertRefused(withAssertion(TestKeys.hmacWithPublicKey(client.claims(), client.key(), null)));
    }

    @Test
    void shouldRefuseAnAlgorithmThatIsNotTheKeys() {
        TestKey key = TestKeys.ec384();
        KeyClient client = keyClient(key);
        // an ES384 key, but the header says ES256 (signed with the same private key over P-384)
        assertRefused(withAssertion(TestKeys.sign(
                client.claims(), "ES256", key.thumbprint(), key.pair().getPrivate())));
    }

    @Test
    void shouldRefuseGarbage() {
        assertRefused(withAssertion("not-a-jwt"));
        assertRefused(withAssertion("a.b.c"));
        assertRefused(post(form(
                "grant_type",
                "client_credentials",
                "client_id",
                Api.oauthClientId("nobody-here"),
                "client_assertion_type",
                TestKeys.JWT_BEARER,
                "client_assertion",
                "e30.e30.e30")));
    }

    @Test
    void shouldRefuseTwoAuthenticationMethodsAtOnce() {
        KeyClient client = keyClient(TestKeys.ec256());
        assertOAuthError(
                postWithBasic(
                        basic(client.oauthClientId(), "some-secret"),
                        form(
                                "grant_type",
                                "client_credentials",
                                "client_assertion_type",
                                TestKeys.JWT_BEARER,
                                "client_assertion",
                                client.assertion())),
                400,
                "invalid_request");
        assertOAuthError(
                post(form(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.oauthClientId(),
                        "client_secret",
                        "some-secret",
                        "client_assertion_type",
                        TestKeys.JWT_BEARER,
                        "client_assertion",
                        client.assertion())),
                400,
                "invalid_request");
        assertOAuthError(
                post(form(
                        "grant_type", "client_credentials",
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                        "client_assertion", client.assertion())),
                400,
                "invalid_request");
        assertOAuthError(
                post(form("grant_type", "client_credentials", "client_assertion", client.assertion())),
                400,
                "invalid_request");
    }

    @Test
    void shouldGiveAClientWithOnlyAKeyNoSecretToGuess() {
        KeyClient client = keyClient(TestKeys.ec256());
        assertRefused(post(form(
                "grant_type",
                "client_credentials",
                "client_id",
                client.oauthClientId(),
                "client_secret",
                "wacs_" + "A".repeat(43) + "_AAAAAA")));
        JsonPath basic = TokenEndpoint.assertInvalidClientAfterBasic(postWithBasic(
                basic(client.oauthClientId(), "wacs_" + "B".repeat(43) + "_BBBBBB"),
                form("grant_type", "client_credentials")));
        assertThat(basic.getString("error_description")).isEqualTo(OAuthError.AUTHENTICATION_FAILED);
    }

    @Test
    void shouldRefuseADisabledOrDeletedClient() {
        String admin = Api.adminToken();
        KeyClient client = keyClient(TestKeys.ec256());
        Api.as(admin)
                .body(Map.of("roles", ROLES, "notes", "off", "enabled", false))
                .put("/api/clients/" + client.clientId())
                .then()
                .statusCode(200);
        assertRefused(withAssertion(client.assertion()));

        Api.as(admin).delete("/api/clients/" + client.clientId()).then().statusCode(204);
        assertRefused(withAssertion(client.assertion()));
    }

    @Test
    void shouldRefuseTheTokensOfARemovedKeyAtOnce() {
        String admin = Api.adminToken();
        KeyClient client = keyClient(TestKeys.ec256());
        TestKey second = TestKeys.ed25519();
        Api.as(admin)
                .body(Map.of("pem", second.publicPem()))
                .post("/api/clients/" + client.clientId() + "/keys")
                .then()
                .statusCode(201);
        String first = tokenOf(withAssertion(client.assertion()));
        String other = tokenOf(withAssertion(second.assertion(client.oauthClientId(), second.thumbprint())));
        Api.as(first).get("/api/clients/" + client.clientId()).then().statusCode(200);

        Api.as(admin)
                .delete("/api/clients/" + client.clientId() + "/keys/"
                        + client.key().thumbprint())
                .then()
                .statusCode(204);

        Api.as(first).get("/api/clients/" + client.clientId()).then().statusCode(401);
        Api.as(other).get("/api/clients/" + client.clientId()).then().statusCode(200);
        assertRefused(withAssertion(client.assertion()));

        // added again, the same key starts afresh: the old tokens stay refused
        Api.as(admin)
                .body(Map.of("jwk", client.key().publicJwk()))
                .post("/api/clients/" + client.clientId() + "/keys")
                .then()
                .statusCode(201);
        Api.as(first).get("/api/clients/" + client.clientId()).then().statusCode(401);
        tokenOf(withAssertion(client.assertion()));
    }

    @Test
    void shouldRecordWhenTheKeyWasLastUsed() {
        String admin = Api.adminToken();
        KeyClient client = keyClient(TestKeys.ec256());
        Instant before = Instant.now().minusSeconds(1);
        tokenOf(withAssertion(client.assertion()));

        usage.write().await().indefinitely();

        JsonPath view = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .get("/api/clients/" + client.clientId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(Instant.parse(view.getString("keys[0].lastUsedAt"))).isAfter(before);
        assertThat(Instant.parse(view.getString("lastUsedAt"))).isAfter(before);
    }

    @Test
    void shouldAuthenticateAtIntrospectionAndRevocationToo() {
        KeyClient client = keyClient(TestKeys.ec256());
        String token = tokenOf(withAssertion(client.assertion()));

        JsonPath introspected = given().contentType(TokenEndpoint.FORM)
                .body(form(
                        "token",
                        token,
                        "client_assertion_type",
                        TestKeys.JWT_BEARER,
                        "client_assertion",
                        client.assertion()))
                .post("/oauth2/introspect")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(introspected.getBoolean("active")).isTrue();

        given().contentType(TokenEndpoint.FORM)
                .body(form(
                        "token",
                        token,
                        "client_assertion_type",
                        TestKeys.JWT_BEARER,
                        "client_assertion",
                        client.assertion()))
                .post("/oauth2/revoke")
                .then()
                .statusCode(200);
        Api.as(token).get("/api/clients/" + client.clientId()).then().statusCode(401);

        // a replayed assertion is refused there as well
        String once = client.assertion();
        given().contentType(TokenEndpoint.FORM)
                .body(form("token", token, "client_assertion_type", TestKeys.JWT_BEARER, "client_assertion", once))
                .post("/oauth2/introspect")
                .then()
                .statusCode(200);
        assertRefused(given().contentType(TokenEndpoint.FORM)
                .body(form("token", token, "client_assertion_type", TestKeys.JWT_BEARER, "client_assertion", once))
                .post("/oauth2/introspect"));
    }
}
