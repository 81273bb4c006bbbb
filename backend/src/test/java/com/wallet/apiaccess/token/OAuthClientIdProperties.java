package com.wallet.apiaccess.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthClientIdProperties {

    @Property
    void shouldParseEveryWellFormedIdBackIntoItsParts(@ForAll("walletKeys") String walletKey,
                                                      @ForAll("clientIds") String clientId) {
        Optional<OAuthClientId> parsed = OAuthClientId.parse("wallet-" + walletKey + "-" + clientId);

        assertThat(parsed).contains(new OAuthClientId(walletKey, clientId));
        assertThat(parsed.get().value()).isEqualTo("wallet-" + walletKey + "-" + clientId);
    }

    @Property
    void shouldNeverThrowAndOnlyAcceptWhatItCanWriteBack(@ForAll @StringLength(max = 120) String anything) {
        Optional<OAuthClientId> parsed = OAuthClientId.parse(anything);

        parsed.ifPresent(id -> assertThat(id.value()).isEqualTo(anything));
    }

    @Property
    void shouldRefuseAnyUpperCaseClientId(@ForAll("walletKeys") String walletKey, @ForAll("clientIds") String clientId) {
        String shouted = clientId.toUpperCase();
        Optional<OAuthClientId> parsed = OAuthClientId.parse("wallet-" + walletKey + "-" + shouted);

        assertThat(parsed.isPresent()).isEqualTo(shouted.equals(clientId));
    }

    @Provide
    Arbitrary<String> walletKeys() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(4).ofMaxLength(32);
    }

    @Provide
    Arbitrary<String> clientIds() {
        Arbitrary<Character> edge = Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray());
        Arbitrary<String> middle = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
                .ofMinLength(1).ofMaxLength(62);
        return net.jqwik.api.Combinators.combine(edge, middle, edge).as((a, m, b) -> a + m + b);
    }
}
