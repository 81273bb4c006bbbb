package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** RFC 7517 key set at {@code /oauth2/jwks}. */
@QuarkusTest
class JwksTest {

    private static JWKSet jwks() throws Exception {
        String body = given().when()
                .get("/oauth2/jwks")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        return JWKSet.parse(body);
    }

    private static List<Map<String, Object>> rawKeys() {
        return given().when()
                .get("/oauth2/jwks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("keys");
    }

    @Test
    void shouldPublishAtLeastOneKey() throws Exception {
        assertThat(jwks().getKeys().isEmpty(), is(false));
    }

    @Test
    void shouldDescribeEachKeyWithKidAlgAndUse() {
        List<Map<String, Object>> keys = rawKeys();
        assertThat(keys, everyItem(hasKey("kid")));
        for (Map<String, Object> key : keys) {
            assertThat(key.get("alg"), equalTo("ES256"));
            assertThat(key.get("use"), equalTo("sig"));
            assertThat(key.get("kty"), equalTo("EC"));
            assertThat(key.get("crv"), equalTo("P-256"));
            assertThat(key.get("x"), notNullValue());
            assertThat(key.get("y"), notNullValue());
        }
    }

    @Test
    void shouldNeverPublishPrivateKeyMaterial() throws Exception {
        assertThat(rawKeys(), everyItem(not(hasKey("d"))));
        for (JWK key : jwks().getKeys()) {
            assertThat(key.isPrivate(), is(false));
        }
    }

    @Test
    void shouldUseTheRfc7638ThumbprintAsKid() throws Exception {
        for (JWK key : jwks().getKeys()) {
            ECKey ec = key.toECKey();
            assertThat(ec.getKeyID(), equalTo(ec.computeThumbprint("SHA-256").toString()));
        }
    }

    @Test
    void shouldSignTokensWithAPublishedKey() throws Exception {
        TokenEndpoint.TestClient client = TokenEndpoint.newClient(List.of("accounts:read"));
        SignedJWT token = TokenEndpoint.accessToken(TokenEndpoint.secretPost(client, null));
        JWK key = jwks().getKeyByKeyId(token.getHeader().getKeyID());
        assertThat("a published key with the token's kid", key, notNullValue());
        assertThat(token.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECKey())), is(true));
    }
}
