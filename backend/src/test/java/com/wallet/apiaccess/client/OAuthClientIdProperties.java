package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Seeded;
import com.wallet.apiaccess.support.Seeded.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random cases (see {@link Seeded}): {@code -Dproperties.seed=} replays a run. */
@Tag("unit")
class OAuthClientIdProperties {

    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ID_CHARS = KEY_CHARS + "._-";

    private static final List<String> EDGE_KEYS = List.of("0000", "zzzz", "ab12", "a".repeat(32), "9".repeat(32));
    private static final List<String> EDGE_IDS = List.of(
            "abc",
            "a-b",
            "0.9",
            "a_z",
            "123",
            "1-2",
            "0._-9",
            "a" + "-".repeat(62) + "z",
            "z".repeat(64),
            "a" + "._-".repeat(20) + "bc");
    private static final List<String> EDGE_ANYTHING = List.of(
            "",
            "w",
            "wallet",
            "wallet-",
            "wallet--",
            "wallet---",
            "wallet-abcd",
            "wallet-abcd-",
            "wallet-abcd-ab",
            "wallet-abcd-abc",
            "wallet-abc-abc",
            "wallet-abcd-a-b",
            "wallet-" + "a".repeat(32) + "-abc",
            "wallet-" + "a".repeat(33) + "-abc",
            "wallet-abcd-" + "z".repeat(64),
            "wallet-abcd-" + "z".repeat(65),
            "WALLET-abcd-abc",
            "Wallet-abcd-abc",
            "wallet-ABCD-abc",
            "wallet-abcd-ABC",
            "wallet-abcd-Abc",
            "wallet-abcd-abc\n",
            "wallet-abcd-abc\u0000",
            " wallet-abcd-abc",
            "wallet-abcd-abc ",
            "wallet_abcd-abc",
            "wallet-abcd--abc",
            "wallet-abcd-abc-",
            "wallet-abcd-.abc",
            "wallet-ab-cd-abc",
            "wallet--abcd-abc",
            "wallet-abcd-\u212abc",
            "wallet-\u0130bcd-abc",
            "wallet-abcd-ab\ud83d\ude00",
            "wallet-abcd-ab\ud800",
            "wallet-\uff41bcd-abc",
            "\ud800",
            "\uffff",
            "x".repeat(120),
            "wallet-" + "a".repeat(113));

    record Parts(String walletKey, String clientId) {}

    @Test
    void shouldParseEveryWellFormedIdBackIntoItsParts() {
        Seeded.forAll(parts(), p -> {
            Optional<OAuthClientId> parsed = OAuthClientId.parse("wallet-" + p.walletKey() + "-" + p.clientId());

            assertThat(parsed).contains(new OAuthClientId(p.walletKey(), p.clientId()));
            assertThat(parsed.get().value()).isEqualTo("wallet-" + p.walletKey() + "-" + p.clientId());
        });
    }

    @Test
    void shouldNeverThrowAndOnlyAcceptWhatItCanWriteBack() {
        Seeded.forAll(anything(), a -> {
            Optional<OAuthClientId> parsed = OAuthClientId.parse(a);

            parsed.ifPresent(id -> assertThat(id.value()).isEqualTo(a));
        });
    }

    @Test
    void shouldRefuseAnyUpperCaseClientId() {
        Seeded.forAll(parts(), p -> {
            String shouted = p.clientId().toUpperCase();
            Optional<OAuthClientId> parsed = OAuthClientId.parse("wallet-" + p.walletKey() + "-" + shouted);

            assertThat(parsed.isPresent()).isEqualTo(shouted.equals(p.clientId()));
        });
    }

    /** Every edge key with every edge id, then random well-formed pairs. */
    static Stream<Case<Parts>> parts() {
        List<Parts> edges = new ArrayList<>();
        for (String key : EDGE_KEYS) {
            for (String id : EDGE_IDS) {
                edges.add(new Parts(key, id));
            }
        }
        return Seeded.cases(1000, random -> new Parts(walletKey(random), clientId(random)), edges);
    }

    static Stream<Case<String>> anything() {
        return Seeded.cases(1000, OAuthClientIdProperties::anything, EDGE_ANYTHING);
    }

    private static String walletKey(Random random) {
        return Seeded.stringOf(random, KEY_CHARS, 4, 32);
    }

    private static String clientId(Random random) {
        return Seeded.pick(random, KEY_CHARS)
                + Seeded.stringOf(random, ID_CHARS, 1, 62)
                + Seeded.pick(random, KEY_CHARS);
    }

    /** Up to 120 chars: anything at all, anything after the prefix, or a well-formed id with a char or two changed. */
    private static String anything(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Seeded.string(random, 0, 120, true);
            case 1 -> "wallet-" + Seeded.string(random, 0, 113, true);
            case 2 -> "wallet-" + walletKey(random) + "-" + clientId(random);
            default -> {
                char[] chars = ("wallet-" + walletKey(random) + "-" + clientId(random)).toCharArray();
                int changes = 1 + random.nextInt(2);
                for (int i = 0; i < changes; i++) {
                    chars[random.nextInt(chars.length)] = random.nextBoolean()
                            ? Seeded.pick(random, Seeded.TROUBLE)
                            : Seeded.pick(random, "-ABCWZ\u0130\u212a");
                }
                yield new String(chars);
            }
        };
    }
}
