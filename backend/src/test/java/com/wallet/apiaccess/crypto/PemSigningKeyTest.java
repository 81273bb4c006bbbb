package com.wallet.apiaccess.crypto;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.auth.Bearer;
import com.wallet.apiaccess.auth.Bearer.TestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** With api-access.jwt.sign-key-location set, the service signs with that PEM key and publishes it. */
@QuarkusTest
@TestProfile(PemSigningKey.Profile.class)
class PemSigningKeyTest {

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(given().when()
                .get("/oauth2/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void shouldPublishThePemKeyUnderItsThumbprint() throws Exception {
        List<JWK> keys = jwks().getKeys();
        assertThat(keys, hasSize(1));
        ECKey published = keys.get(0).toECKey();
        ECKey expected = PemSigningKey.jwk();
        assertThat(published.getKeyID(), equalTo(expected.getKeyID()));
        assertThat(published.getX(), equalTo(expected.getX()));
        assertThat(published.getY(), equalTo(expected.getY()));
    }

    @Test
    void shouldSignIssuedTokensWithThePemKey() throws Exception {
        TestClient client = Bearer.newClient(List.of("accounts:read"));
        SignedJWT token = SignedJWT.parse(client.token());
        assertThat(token.getHeader().getKeyID(), equalTo(PemSigningKey.kid()));
        assertThat(token.verify(new ECDSAVerifier(PemSigningKey.publicKey())), is(true));
    }
}
