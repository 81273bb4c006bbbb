package com.wallet.apiaccess.crypto;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sealed secret opens with its key and its context only, and shows nothing of itself. */
@Tag("unit")
class SecretBoxTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwxyzABCDEFGH=";

    @Test
    void shouldOpenWhatItSealedForTheSameContextOnly() {
        SecretBox box = SecretBox.derivedFrom("a key of sixteen+ chars", "purpose");
        String sealed = box.seal(SECRET, "endpoint-1");

        assertThat(sealed).startsWith("v1.").doesNotContain("MfKQ9r8G");
        assertThat(box.seal(SECRET, "endpoint-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "endpoint-1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> box.open(sealed, "endpoint-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SecretBox.derivedFrom("another key entirely", "purpose").open(sealed, "endpoint-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1.AAAA", "endpoint-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("plain", "endpoint-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
