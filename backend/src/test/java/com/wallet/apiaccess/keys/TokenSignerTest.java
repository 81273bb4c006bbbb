package com.wallet.apiaccess.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint's hand-written JWS against what SmallRye JWT signs for the same claims. */
@QuarkusTest
class TokenSignerTest {

    @Inject
    TokenSigner signer;

    @Inject
    KeyRing keys;

    @Test
    void shouldSignWhatSmallRyeJwtWouldSignButTheSignature() throws Exception {
        ClaimsJson claims = new ClaimsJson().string("iss", "https://issuer.example").string("sub", "wallet-acme-x")
                .string("aud", "wallet-api").number("iat", 1_700_000_000L).number("exp", 1_700_000_900L)
                .string("jti", "j-1").strings("groups", Set.of("accounts:read")).string("note", "é \"q\" \\ \u0001");
        SignedJWT ours = SignedJWT.parse(signer.sign(claims, "at+jwt"));
        SigningKey key = keys.current();
        SignedJWT theirs = SignedJWT.parse(Jwt.claims()
                .issuer("https://issuer.example").subject("wallet-acme-x").audience("wallet-api")
                .issuedAt(1_700_000_000L).expiresAt(1_700_000_900L).claim("jti", "j-1")
                .groups(Set.of("accounts:read")).claim("note", "é \"q\" \\ \u0001")
                .jws().algorithm(SignatureAlgorithm.fromAlgorithm(key.algorithm())).keyId(key.kid()).type("at+jwt")
                .sign(key.privateKey()));

        assertThat(ours.getHeader().toJSONObject()).isEqualTo(theirs.getHeader().toJSONObject());
        assertThat(ours.getJWTClaimsSet().toJSONObject()).isEqualTo(theirs.getJWTClaimsSet().toJSONObject());
        assertThat(ours.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ours.getHeader().getKeyID()).isEqualTo(keys.current().kid());
    }

    @Test
    void shouldSignWithTheKeyTheJwksPublishes() throws Exception {
        JWKSet published = JWKSet.parse(RestAssured.get("/oauth2/jwks").then().statusCode(200).extract().asString());
        for (int i = 0; i < 50; i++) {
            SignedJWT token = SignedJWT.parse(signer.sign(new ClaimsJson().number("n", i), "at+jwt"));
            ECDSAVerifier verifier = new ECDSAVerifier(published.getKeyByKeyId(token.getHeader().getKeyID()).toECKey());

            assertThat(token.verify(verifier)).as("signature %d", i).isTrue();
            assertThat(token.getSignature().decode()).hasSize(64);
        }
    }

    @Test
    void shouldSignFromManyThreadsAtOnce() throws Exception {
        JWKSet published = JWKSet.parse(RestAssured.get("/oauth2/jwks").then().statusCode(200).extract().asString());
        List<String> tokens = java.util.stream.IntStream.range(0, 400).parallel()
                .mapToObj(i -> signer.sign(new ClaimsJson().number("n", i), "at+jwt")).toList();

        for (String compact : tokens) {
            SignedJWT token = SignedJWT.parse(compact);
            assertThat(token.verify(new ECDSAVerifier(published.getKeyByKeyId(token.getHeader().getKeyID()).toECKey())))
                    .isTrue();
        }
    }
}
