package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Seeded;
import com.wallet.apiaccess.support.Seeded.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random cases (see {@link Seeded}): {@code -Dproperties.seed=} replays a run. */
@Tag("unit")
class ClientIdRuleProperties {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    /** Characters that look like the alphabet, or become it when case-folded, but are not in it. */
    private static final String NEAR_MISSES =
            "ABCXYZ ./_-+~!:@\u0000\n\t\u007f\u00e9\u00df\u0130\u0131\u017f\u212a\uff10\u0660\u00b2";

    private static final List<String> EDGES = List.of(
            "",
            "a",
            "ab",
            "a-",
            "abc",
            "a.b",
            "a_b",
            "a-b",
            "0-9",
            "a..b",
            "a" + "-".repeat(62) + "z",
            "a".repeat(63),
            "a".repeat(64),
            "a".repeat(65),
            "9".repeat(64) + "0",
            "-ab",
            "ab-",
            ".ab",
            "ab.",
            "_ab",
            "ab_",
            "---",
            "...",
            "ABC",
            "Abc",
            "abC",
            "aBc",
            "ABCDEFGHIJ",
            "abc ",
            " abc",
            "a b",
            "abc\n",
            "abc\u0000",
            "\u0000ab",
            "a\tb",
            "\u00e9ab",
            "ab\u00e9",
            "\u0131ab",
            "\u017fab",
            "k\u212ak",
            "\uff10\uff11\uff12",
            "\u0660\u0661\u0662",
            "ab\ud83d\ude00",
            "ab\ud800",
            "\udfffab",
            "ab\uffff",
            "\ufeffabc",
            "a\u2028b");
    private static final List<String> UPPER_EDGES = List.of(
            "ABC",
            "Abc",
            "abC",
            "aBc",
            "A-B",
            "A.b",
            "a_B",
            "0A9",
            "Z".repeat(64),
            "a".repeat(63) + "A",
            "A" + "a".repeat(63),
            "\u00c9ab",
            "ab\u00c9",
            "\u0130ab",
            "\u01c5ab",
            "\u03a3ab",
            "ab\ud801\udc00",
            "\uff21bc",
            "AB\n",
            "A\u0000B");

    @Test
    void shouldAcceptExactlyTheContractsAlphabetLengthAndEdges() {
        Seeded.forAll(candidates(), c -> {
            boolean expected = c.length() >= 3
                    && c.length() <= 64
                    && c.chars()
                            .allMatch(ch -> ch >= 'a' && ch <= 'z'
                                    || ch >= '0' && ch <= '9'
                                    || ch == '.'
                                    || ch == '_'
                                    || ch == '-')
                    && isLetterOrDigit(c.charAt(0))
                    && isLetterOrDigit(c.charAt(c.length() - 1));

            assertThat(ClientIdRule.isValid(c)).isEqualTo(expected);
        });
    }

    @Test
    void shouldNeverAcceptUpperCase() {
        Seeded.forAll(shouted(), c -> {
            if (!c.equals(c.toLowerCase())) {
                assertThat(ClientIdRule.isValid(c)).isFalse();
            }
        });
    }

    static Stream<Case<String>> candidates() {
        return Seeded.cases(1000, ClientIdRuleProperties::candidate, EDGES);
    }

    static Stream<Case<String>> shouted() {
        return Seeded.cases(1000, ClientIdRuleProperties::shout, UPPER_EDGES);
    }

    /** Up to 80 chars: anything at all, the alphabet at any length (so edges and length decide), or near misses. */
    private static String candidate(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Seeded.string(random, 0, 80, true);
            case 1 -> Seeded.stringOf(random, ALPHABET, 0, 80);
            default -> nearMiss(random, Seeded.stringOf(random, ALPHABET, 3, 64), NEAR_MISSES);
        };
    }

    /** 3 to 64 chars: an id of the alphabet with some letters upper-cased, or anything at all. */
    private static String shout(Random random) {
        if (random.nextBoolean()) {
            return Seeded.string(random, 3, 64, true);
        }
        char[] id = Seeded.stringOf(random, ALPHABET, 3, 64).toCharArray();
        int upper = 1 + random.nextInt(3);
        for (int i = 0; i < upper; i++) {
            int at = random.nextInt(id.length);
            id[at] = random.nextInt(4) == 0
                    ? Seeded.pick(random, "\u00c9\u0130\u01c5\u03a3\u0414\uff21")
                    : (char) ('A' + random.nextInt(26));
        }
        return new String(id);
    }

    private static String nearMiss(Random random, String id, String misses) {
        char[] chars = id.toCharArray();
        int changes = 1 + random.nextInt(2);
        for (int i = 0; i < changes; i++) {
            chars[random.nextInt(chars.length)] = Seeded.pick(random, misses);
        }
        return new String(chars);
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
