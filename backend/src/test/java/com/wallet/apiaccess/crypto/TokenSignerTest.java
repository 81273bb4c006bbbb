package com.wallet.apiaccess.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint's hand-written JWS against what a general JOSE library (jose4j) signs for the same claims. */
@QuarkusTest
class TokenSignerTest {

    @Inject
    TokenSigner signer;

    @Inject
    KeyRing keys;

    @Test
    void shouldSignWhatJose4jWouldSignButTheSignature() throws Exception {
        ClaimsJson claims = new ClaimsJson()
                .string("iss", "https://issuer.example")
                .string("sub", "wallet-acme-x")
                .string("aud", "wallet-api")
                .number("iat", 1_700_000_000L)
                .number("exp", 1_700_000_900L)
                .string("jti", "j-1")
                .strings("groups", Set.of("accounts:read"))
                .string("note", "é \"q\" \\ \u0001");
        SignedJWT ours = SignedJWT.parse(signer.sign(claims, "at+jwt"));
        SigningKey key = keys.current();
        JwtClaims expected = new JwtClaims();
        expected.setIssuer("https://issuer.example");
        expected.setSubject("wallet-acme-x");
        expected.setAudience("wallet-api");
        expected.setClaim("iat", 1_700_000_000L);
        expected.setClaim("exp", 1_700_000_900L);
        expected.setClaim("jti", "j-1");
        expected.setStringListClaim("groups", List.of("accounts:read"));
        expected.setClaim("note", "é \"q\" \\ \u0001");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(expected.toJson());
        jws.setAlgorithmHeaderValue(key.algorithm());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key.privateKey());
        SignedJWT theirs = SignedJWT.parse(jws.getCompactSerialization());

        assertThat(ours.getHeader().toJSONObject()).isEqualTo(theirs.getHeader().toJSONObject());
        assertThat(ours.getJWTClaimsSet().toJSONObject())
                .isEqualTo(theirs.getJWTClaimsSet().toJSONObject());
        assertThat(ours.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ours.getHeader().getKeyID()).isEqualTo(keys.current().kid());
    }

    @Test
    void shouldSignWithTheKeyTheJwksPublishes() throws Exception {
        JWKSet published = JWKSet.parse(
                RestAssured.get("/oauth2/jwks").then().statusCode(200).extract().asString());
        for (int i = 0; i < 50; i++) {
            SignedJWT token = SignedJWT.parse(signer.sign(new ClaimsJson().number("n", i), "at+jwt"));
            ECDSAVerifier verifier = new ECDSAVerifier(
                    published.getKeyByKeyId(token.getHeader().getKeyID()).toECKey());

            assertThat(token.verify(verifier)).as("signature %d", i).isTrue();
            assertThat(token.getSignature().decode()).hasSize(64);
        }
    }

    @Test
    void shouldSignFromManyThreadsAtOnce() throws Exception {
        JWKSet published = JWKSet.parse(
                RestAssured.get("/oauth2/jwks").then().statusCode(200).extract().asString());
        List<String> tokens = java.util.stream.IntStream.range(0, 400)
                .parallel()
                .mapToObj(i -> signer.sign(new ClaimsJson().number("n", i), "at+jwt"))
                .toList();

        for (String compact : tokens) {
            SignedJWT token = SignedJWT.parse(compact);
            assertThat(token.verify(new ECDSAVerifier(published
                            .getKeyByKeyId(token.getHeader().getKeyID())
                            .toECKey())))
                    .isTrue();
        }
    }
}
