package com.wallet.apiaccess.crypto;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret format that secret scanners are taught (README, *Secret format*). */
@Tag("unit")
class SecretFormatTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final SecretGenerator generator = new SecretGenerator();

    @Test
    void shouldMakeSecretsOfTheDocumentedShape() {
        for (int i = 0; i < 1000; i++) {
            String secret = generator.newSecret();
            assertThat(secret).hasSize(55).startsWith("wacs_").matches(SecretFormat.PATTERN);
            assertThat(SecretFormat.isWellFormed(secret)).isTrue();
        }
    }

    @Test
    void shouldCatchEveryChangedCharacter() {
        String secret = generator.newSecret();
        List<String> undetected = new ArrayList<>();
        for (int at = 0; at < secret.length(); at++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == secret.charAt(at)) {
                    continue;
                }
                String changed = secret.substring(0, at) + c + secret.substring(at + 1);
                if (SecretFormat.isWellFormed(changed)) {
                    undetected.add(changed);
                }
            }
        }
        assertThat(undetected).isEmpty();
    }

    @Test
    void shouldCatchTwoSwappedCharacters() {
        String secret = generator.newSecret();
        for (int at = 5; at < 47; at++) {
            if (secret.charAt(at) != secret.charAt(at + 1)) {
                String swapped =
                        secret.substring(0, at) + secret.charAt(at + 1) + secret.charAt(at) + secret.substring(at + 2);
                assertThat(SecretFormat.isWellFormed(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void shouldRefuseLookalikes() {
        String secret = generator.newSecret();
        assertThat(SecretFormat.isWellFormed(secret.substring(1))).isFalse();
        assertThat(SecretFormat.isWellFormed("wacx" + secret.substring(4))).isFalse();
        assertThat(SecretFormat.isWellFormed(secret + "A")).isFalse();
        assertThat(SecretFormat.isWellFormed(null)).isFalse();
    }

    @Test
    void shouldHintWithThePrefixAndTheLastFourCharactersOnly() {
        String secret = generator.newSecret();

        String hint = SecretFormat.hint(secret);

        assertThat(hint).isEqualTo("wacs_…" + secret.substring(51));
        assertThat(SecretFormat.mayMatch(secret, hint)).isTrue();
        assertThat(SecretFormat.mayMatch(secret, null)).isTrue();
    }

    /** README's worked example and regular expression are the code's, so a scanner built from README works. */
    @Test
    void shouldMatchWhatReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String example = SecretFormat.of("A".repeat(43));

        assertThat(readme).contains(SecretFormat.PATTERN.pattern()).contains(example);
        assertThat(SecretFormat.checksum("wacs_" + "A".repeat(43))).isEqualTo(example.substring(49));
    }
}
