package com.wallet.apiaccess.auth;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class CompactJwsTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** header.payload.signature as the token factory writes them, with a 64-byte ES256 signature. */
    private static String token(long seed) {
        byte[] signature = new byte[64];
        new Random(seed).nextBytes(signature);
        return URL.encodeToString("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}".getBytes())
                + "." + URL.encodeToString("{\"sub\":\"x\"}".getBytes())
                + "." + URL.encodeToString(signature);
    }

    @Test
    void shouldTakeTheSpellingAnEncoderWrites() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(CompactJws.isCanonical(token(seed))).isTrue();
        }
    }

    @Test
    void shouldRefuseALastCharacterWhoseUnusedBitsAreSet() {
        String token = token(7);
        String head = token.substring(0, token.length() - 1);
        char last = token.charAt(token.length() - 1);
        // 64 bytes are 86 characters, the last holding 2 bits: its 4 low bits are unused
        char sameBytes = (char) (last == 'A' ? 'B' : last + 1);
        assertThat(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode((head + sameBytes).substring(token.lastIndexOf('.') + 1)));
        assertThat(CompactJws.isCanonical(head + sameBytes)).isFalse();
    }

    @Test
    void shouldRefuseWhatIsNotThreeBase64urlSegments() {
        String token = token(3);
        assertThat(CompactJws.isCanonical(token + ".")).isFalse();
        assertThat(CompactJws.isCanonical(token + "=")).isFalse();
        assertThat(CompactJws.isCanonical(token.replace('.', ','))).isFalse();
        assertThat(CompactJws.isCanonical(token.substring(0, token.lastIndexOf('.'))))
                .isFalse();
        assertThat(CompactJws.isCanonical(token.substring(0, token.length() - 1) + "\u00e9"))
                .isFalse();
        assertThat(CompactJws.isCanonical(token.substring(0, token.lastIndexOf('.') + 1)))
                .isFalse();
        assertThat(CompactJws.isCanonical(token + "AAA")).isFalse(); // 89 characters: a length no encoding has
        assertThat(CompactJws.isCanonical("a.b.c")).isFalse();
    }
}
