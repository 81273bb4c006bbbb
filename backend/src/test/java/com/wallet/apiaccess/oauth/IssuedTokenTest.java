package com.wallet.apiaccess.oauth;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token answer is written by hand for speed: it must still be the JSON the general encoder writes. */
@Tag("unit")
class IssuedTokenTest {

    private static JsonObject encoded(IssuedToken token) {
        return new JsonObject()
                .put("access_token", token.accessToken())
                .put("token_type", token.tokenType())
                .put("expires_in", token.expiresIn())
                .put("scope", token.scope())
                .put("credential_expires_at", token.credentialExpiresAt());
    }

    @Test
    void shouldWriteTheSameJsonAsTheEncoder() {
        IssuedToken token = new IssuedToken(
                "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_",
                IssuedToken.BEARER,
                300,
                "accounts:read payments:change",
                1_900_000_000L,
                false);

        assertThat(new JsonObject(token.json())).isEqualTo(encoded(token));
        assertThat(token.json()).isEqualTo(encoded(token).encode());
    }

    @Test
    void shouldNameTheTypeOfABoundToken() {
        IssuedToken token = new IssuedToken("a.b.c", IssuedToken.DPOP, 300, "accounts:read", 1L, false);

        assertThat(new JsonObject(token.json()).getString("token_type")).isEqualTo("DPoP");
        assertThat(token.json()).isEqualTo(encoded(token).encode());
    }

    @Test
    void shouldEscapeWhatJsonMustEscape() {
        IssuedToken token = new IssuedToken("a\"b\\c", IssuedToken.DPOP, 60, "r\u00e9le\nx \u0001", 1L, true);

        assertThat(new JsonObject(token.json())).isEqualTo(encoded(token));
        assertThat(new JsonObject(token.json()).getString("scope")).isEqualTo("r\u00e9le\nx \u0001");
    }
}
