package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.oauth.Introspection.Holder;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import com.wallet.apiaccess.support.TestProofs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP (RFC 9449) at the token endpoint and on {@code /api}, each rule as the attack it stops: a stolen
 * token is useless without the key, a captured proof is useless a second time, elsewhere or later.
 */
@QuarkusTest
class DpopTest {

    private static final List<String> ROLES = List.of("api-access:read");
    private static final String API_PATH = "/api/clients";

    private static Response tokenRequest(TestClient client, String... proofs) {
        RequestSpecification request = given().contentType(TokenEndpoint.FORM)
                .body(form(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.oauthClientId(),
                        "client_secret",
                        client.secret()));
        for (String proof : proofs) {
            request = request.header("DPoP", proof);
        }
        return request.when().post(TokenEndpoint.PATH);
    }

    private static String boundToken(TestClient client, TestKey key) {
        JsonPath issued = TokenEndpoint.issued(tokenRequest(client, TestProofs.forToken(key)));
        assertThat(issued.getString("token_type")).isEqualTo("DPoP");
        return issued.getString("access_token");
    }

    private static Map<String, Object> claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static Response callApi(String authorization, String... proofs) {
        RequestSpecification request = given().header("Authorization", authorization);
        for (String proof : proofs) {
            request = request.header("DPoP", proof);
        }
        return request.when().get(API_PATH);
    }

    /** 401 problem+json with a DPoP challenge naming this error. */
    private static void assertRefusedOnApi(Response response, String error) {
        response.then().statusCode(401).contentType("application/problem+json");
        assertThat(response.header("WWW-Authenticate"))
                .startsWith("DPoP algs=\"ES256 ES384 RS256 EdDSA\"")
                .contains("error=\"" + error + "\"");
    }

    private static void requireDpop(String clientId, boolean required) {
        Api.as(Api.adminToken())
                .body(Map.of("roles", ROLES, "requireDpop", required))
                .when()
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(200);
    }

    // --- the token endpoint ---

    @Test
    void shouldBindTheTokenToTheKeyOfItsProof() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();

        String token = boundToken(client, key);

        assertThat(claimsOf(token).get("cnf")).isEqualTo(Map.of("jkt", key.thumbprint()));
    }

    @Test
    void shouldBindWithEveryAlgorithmOfClientKeys() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        for (TestKey key : List.of(TestKeys.ec384(), TestKeys.rsa(2048), TestKeys.ed25519())) {
            String token = boundToken(client, key);

            assertThat(claimsOf(token).get("cnf")).as(key.alg()).isEqualTo(Map.of("jkt", key.thumbprint()));
        }
    }

    @Test
    void shouldIssueAPlainBearerTokenWithoutAProof() {
        TestClient client = TokenEndpoint.newClient(ROLES);

        JsonPath issued = TokenEndpoint.issued(tokenRequest(client));

        assertThat(issued.getString("token_type")).isEqualTo("Bearer");
        assertThat(claimsOf(issued.getString("access_token"))).doesNotContainKey("cnf");
    }

    @Test
    void shouldRefuseAReplayedProof() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        String proof = TestProofs.forToken(TestKeys.ec256());
        TokenEndpoint.issued(tokenRequest(client, proof));

        JsonPath refused = assertOAuthError(tokenRequest(client, proof), 400, "invalid_dpop_proof");

        assertThat(refused.getString("error_description")).contains("used before");
    }

    @Test
    void shouldRefuseAProofMadeForAnotherRequest() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        long now = Instant.now().getEpochSecond();
        Map<String, Consumer<Map<String, Object>>> changes = Map.of(
                "another method", claims -> claims.put("htm", "GET"),
                "another server", claims -> claims.put("htu", "https://other.example/oauth2/token"),
                "another path", claims -> claims.put("htu", TestKeys.ISSUER + "/oauth2/introspect"),
                "issued two minutes ago", claims -> claims.put("iat", now - 120),
                "issued in two minutes", claims -> claims.put("iat", now + 120),
                "no jti", claims -> claims.remove("jti"),
                "no iat", claims -> claims.remove("iat"),
                "htu not a string", claims -> claims.put("htu", 42));
        changes.forEach((name, change) -> {
            Map<String, Object> claims = TestProofs.claims("POST", TestProofs.TOKEN_ENDPOINT, null);
            change.accept(claims);

            assertOAuthError(tokenRequest(client, TestProofs.sign(key, claims)), 400, "invalid_dpop_proof");
        });
    }

    @Test
    void shouldIgnoreTheQueryOfHtuAndTheCaseOfItsHost() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        Map<String, Object> claims =
                TestProofs.claims("POST", "http://LOCALHOST:8081/oauth2/token?ignored=1#fragment", null);

        JsonPath issued = TokenEndpoint.issued(tokenRequest(client, TestProofs.sign(key, claims)));

        assertThat(issued.getString("token_type")).isEqualTo("DPoP");
    }

    @Test
    void shouldRefuseProofsThatProveNoKey() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        TestKey other = TestKeys.ec256();
        Map<String, Object> claims = TestProofs.claims("POST", TestProofs.TOKEN_ENDPOINT, null);
        PublicJsonWebKey withPrivate = TestProofs.publicJwk(key);
        withPrivate.setPrivateKey(key.pair().getPrivate());
        Map<String, String> proofs = Map.of(
                "signed by another key than its jwk",
                TestProofs.sign(
                        claims,
                        "ES256",
                        "dpop+jwt",
                        TestProofs.publicJwk(key),
                        other.pair().getPrivate()),
                "alg none",
                TestProofs.sign(claims, "none", "dpop+jwt", TestProofs.publicJwk(key), null),
                "HS256",
                TestProofs.sign(
                        claims,
                        "HS256",
                        "dpop+jwt",
                        TestProofs.publicJwk(key),
                        new org.jose4j.keys.HmacKey(new byte[32])),
                "typ JWT",
                TestProofs.sign(
                        claims,
                        "ES256",
                        "JWT",
                        TestProofs.publicJwk(key),
                        key.pair().getPrivate()),
                "no jwk",
                TestProofs.sign(claims, "ES256", "dpop+jwt", null, key.pair().getPrivate()),
                "a private key in its jwk",
                signWithPrivateJwk(claims, key, withPrivate),
                "ES512, not an algorithm of ours",
                TestProofs.sign(TestKeys.ec521(), claims),
                "not a JWS",
                "not-a-proof",
                "an alg that does not fit its key",
                TestProofs.sign(
                        claims,
                        "ES384",
                        "dpop+jwt",
                        TestProofs.publicJwk(key),
                        TestKeys.ec384().pair().getPrivate()));
        proofs.forEach((name, proof) -> {
            JsonPath refused = assertOAuthError(tokenRequest(client, proof), 400, "invalid_dpop_proof");

            assertThat(refused.getString("error_description")).as(name).isNotBlank();
        });
    }

    private static String signWithPrivateJwk(Map<String, Object> claims, TestKey key, PublicJsonWebKey jwk) {
        try {
            org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
            jws.setPayload(io.vertx.core.json.Json.encode(claims));
            jws.setAlgorithmHeaderValue("ES256");
            jws.setHeader("typ", "dpop+jwt");
            jws.getHeaders()
                    .setObjectHeaderValue(
                            "jwk", jwk.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            jws.setKey(key.pair().getPrivate());
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseTwoProofs() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();

        assertOAuthError(
                tokenRequest(client, TestProofs.forToken(key), TestProofs.forToken(key)), 400, "invalid_dpop_proof");
    }

    @Test
    void shouldRefuseAnInvalidProofEvenFromAClientThatNeedsNone() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        Map<String, Object> claims = TestProofs.claims("POST", TestProofs.TOKEN_ENDPOINT, null);
        claims.put("htm", "PUT");

        assertOAuthError(tokenRequest(client, TestProofs.sign(TestKeys.ec256(), claims)), 400, "invalid_dpop_proof");
    }

    @Test
    void shouldIssueOnlyBoundTokensToAClientThatRequiresDpop() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        requireDpop(client.clientId(), true);

        JsonPath refused = assertOAuthError(tokenRequest(client), 400, "invalid_dpop_proof");
        String token = boundToken(client, TestKeys.ec256());

        assertThat(refused.getString("error_description")).contains("DPoP proof");
        assertThat(claimsOf(token)).containsKey("cnf");
        requireDpop(client.clientId(), false);
        assertThat(TokenEndpoint.issued(tokenRequest(client)).getString("token_type"))
                .isEqualTo("Bearer");
    }

    @Test
    void shouldRefuseABearerTokenOnceItsClientRequiresDpop() {
        Holder resourceServer = Holder.create(List.of("accounts:read"));
        TestClient client = TokenEndpoint.newClient(ROLES);
        String bearer = TokenEndpoint.issued(tokenRequest(client)).getString("access_token");
        callApi("Bearer " + bearer).then().statusCode(200);

        requireDpop(client.clientId(), true);

        Response refused = callApi("Bearer " + bearer);
        refused.then().statusCode(401);
        assertThat(refused.jsonPath().getString("detail")).contains("requires DPoP");
        Introspection.assertInactive(Introspection.introspect(resourceServer, bearer));
    }

    @Test
    void shouldBindATokenObtainedWithPrivateKeyJwt() {
        TestKey clientKey = TestKeys.ec256();
        TestKey proofKey = TestKeys.ed25519();
        PrivateKeyJwtTest.KeyClient client = PrivateKeyJwtTest.keyClient(clientKey);

        Response response = given().contentType(TokenEndpoint.FORM)
                .header("DPoP", TestProofs.forToken(proofKey))
                .body(form(
                        "grant_type",
                        "client_credentials",
                        "client_assertion_type",
                        TestKeys.JWT_BEARER,
                        "client_assertion",
                        client.assertion()))
                .when()
                .post(TokenEndpoint.PATH);

        JsonPath issued = TokenEndpoint.issued(response);
        assertThat(issued.getString("token_type")).isEqualTo("DPoP");
        assertThat(claimsOf(issued.getString("access_token")).get("cnf"))
                .isEqualTo(Map.of("jkt", proofKey.thumbprint()));
    }

    // --- /api ---

    @Test
    void shouldServeABoundTokenWithAProofByItsKey() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = boundToken(client, key);

        callApi("DPoP " + token, TestProofs.forApi(key, "GET", API_PATH, token))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    @Test
    void shouldRefuseABoundTokenPresentedAsABearerToken() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = boundToken(client, key);

        Response response = callApi("Bearer " + token, TestProofs.forApi(key, "GET", API_PATH, token));

        assertRefusedOnApi(response, "invalid_token");
        assertThat(response.jsonPath().getString("detail")).contains("DPoP");
    }

    @Test
    void shouldRefuseABoundTokenWithoutAProof() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        String token = boundToken(client, TestKeys.ec256());

        assertRefusedOnApi(callApi("DPoP " + token), "invalid_dpop_proof");
    }

    @Test
    void shouldRefuseAStolenTokenWithAProofByTheThiefsKey() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        String token = boundToken(client, TestKeys.ec256());
        TestKey thief = TestKeys.ec256();

        assertRefusedOnApi(
                callApi("DPoP " + token, TestProofs.forApi(thief, "GET", API_PATH, token)), "invalid_dpop_proof");
    }

    @Test
    void shouldRefuseAProofReplayedOnApi() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = boundToken(client, key);
        String proof = TestProofs.forApi(key, "GET", API_PATH, token);
        callApi("DPoP " + token, proof).then().statusCode(200);

        assertRefusedOnApi(callApi("DPoP " + token, proof), "invalid_dpop_proof");
    }

    @Test
    void shouldRefuseAProofThatIsNotForThisRequestOrToken() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = boundToken(client, key);
        String otherToken = boundToken(client, key);
        Map<String, String> proofs = Map.of(
                "for the token endpoint", TestProofs.forToken(key),
                "for another path", TestProofs.forApi(key, "GET", "/api/users", token),
                "for another method", TestProofs.forApi(key, "DELETE", API_PATH, token),
                "for another token", TestProofs.forApi(key, "GET", API_PATH, otherToken),
                "without ath", TestProofs.sign(key, TestProofs.claims("GET", TestKeys.ISSUER + API_PATH, null)));
        proofs.forEach((name, proof) -> {
            Response response = callApi("DPoP " + token, proof);

            assertThat(response.statusCode()).as(name).isEqualTo(401);
            assertRefusedOnApi(response, "invalid_dpop_proof");
        });
    }

    @Test
    void shouldRefuseAnUnboundTokenSentWithTheDpopScheme() {
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = TokenEndpoint.issued(tokenRequest(client)).getString("access_token");

        Response response = callApi("DPoP " + token, TestProofs.forApi(key, "GET", API_PATH, token));

        response.then().statusCode(401);
        assertThat(response.jsonPath().getString("detail")).contains("Bearer");
    }

    // --- introspection ---

    @Test
    void shouldTellAResourceServerTheTokenIsBoundAndToWhichKey() {
        Holder resourceServer = Holder.create(List.of("accounts:read"));
        TestClient client = TokenEndpoint.newClient(ROLES);
        TestKey key = TestKeys.ec256();
        String token = boundToken(client, key);

        JsonPath answer = Introspection.answered(Introspection.introspect(resourceServer, token));

        assertThat(answer.getBoolean("active")).isTrue();
        assertThat(answer.getString("token_type")).isEqualTo("DPoP");
        assertThat(answer.getMap("cnf")).isEqualTo(Map.of("jkt", key.thumbprint()));
    }
}
