package com.wallet.apiaccess.client;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdRuleProperties {

    @Property
    void shouldAcceptExactlyTheContractsAlphabetLengthAndEdges(@ForAll @StringLength(max = 80) String candidate) {
        boolean expected = candidate.length() >= 3 && candidate.length() <= 64
                && candidate.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')
                && isLetterOrDigit(candidate.charAt(0)) && isLetterOrDigit(candidate.charAt(candidate.length() - 1));

        assertThat(ClientIdRule.isValid(candidate)).isEqualTo(expected);
    }

    @Property
    void shouldNeverAcceptUpperCase(@ForAll @StringLength(min = 3, max = 64) String candidate) {
        if (!candidate.equals(candidate.toLowerCase())) {
            assertThat(ClientIdRule.isValid(candidate)).isFalse();
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
