package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.support.Seeded;
import com.wallet.apiaccess.support.Seeded.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Seeded random cases (see {@link Seeded}): {@code -Dproperties.seed=} replays a run. */
@Tag("unit")
class TokenFormProperties {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String HEX = "0123456789abcdefABCDEF";
    /** Values that are hard to encode or decode: empty, separators, escapes, controls, non-ASCII, astral. */
    private static final List<String> EDGE_VALUES = List.of(
            "",
            " ",
            "+",
            "%",
            "%25",
            "&",
            "=",
            "&=&",
            "a=b&c=d",
            "\u0000",
            "\r\n",
            "\u007f",
            "\u00e9",
            "\u2028",
            "\ufeff",
            "\uffff",
            "\ud83d\ude00",
            "\u00a0 \u0085",
            "v".repeat(40),
            "\ud83d\ude00".repeat(20));

    record Repeat(String name, String first, String second) {}

    @Test
    void shouldReadBackWhateverAFormEncoderWrote() {
        Seeded.forAll(forms(), f -> {
            String body = f.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));

            TokenForm parsed = TokenForm.parse(body.getBytes(StandardCharsets.UTF_8));

            f.forEach((name, value) -> assertThat(parsed.get(name)).isEqualTo(value.isEmpty() ? null : value));
        });
    }

    @Test
    void shouldAnswerAnyBytesWithValuesOrAnOAuthErrorOnly() {
        Seeded.forAll(bodies(), b -> {
            Throwable failure = catchThrowable(() -> TokenForm.parse(b));

            if (failure != null) {
                assertThat(failure).isInstanceOf(OAuthError.class);
                assertThat(((OAuthError) failure).error()).isEqualTo("invalid_request");
            }
        });
    }

    @Test
    void shouldRefuseAnyRepeatedParameter() {
        Seeded.forAll(repeats(), r -> {
            String body = r.name() + "=" + URLEncoder.encode(r.first(), StandardCharsets.UTF_8) + "&" + r.name() + "="
                    + URLEncoder.encode(r.second(), StandardCharsets.UTF_8);

            Throwable failure = catchThrowable(() -> TokenForm.parse(body.getBytes(StandardCharsets.UTF_8)));

            assertThat(failure).isInstanceOf(OAuthError.class).hasMessageContaining("repeated");
        });
    }

    /** No parameter, each edge value alone, all six parameters at their longest, then random forms of up to six. */
    static Stream<Case<Map<String, String>>> forms() {
        List<Map<String, String>> edges = new ArrayList<>();
        edges.add(Map.of());
        for (String value : EDGE_VALUES) {
            edges.add(Map.of("a", value));
        }
        Map<String, String> full = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            full.put(
                    String.valueOf(NAME_CHARS.charAt(i * 10)).repeat(20),
                    EDGE_VALUES.get(EDGE_VALUES.size() - 1 - i % 2));
        }
        edges.add(full);
        Map<String, String> usual = new LinkedHashMap<>();
        usual.put("grant_type", "client_credentials");
        usual.put("scope", "a b+c");
        usual.put("Z9", "");
        usual.put("_", "x");
        edges.add(usual);
        return Seeded.cases(1000, TokenFormProperties::form, edges);
    }

    /** Every single byte, every percent-escape, broken and overlong UTF-8, separators alone, then random bodies. */
    static Stream<Case<byte[]>> bodies() {
        List<byte[]> edges = new ArrayList<>();
        for (String body : List.of(
                "",
                "&",
                "=",
                "&&",
                "==",
                "&=&",
                "=&=",
                "%",
                "%4",
                "%zz",
                "%%",
                "%-1",
                "%+1",
                "%\u00e9",
                "a=%",
                "a=%4",
                "a=%C3",
                "a=%C3%A9",
                "a=%c3%a9",
                "a=%ED%A0%80",
                "a=%F4%90%80%80",
                "a=%C0%AF",
                "a=%FF",
                "a=1&a=2",
                "a&a",
                "a=&a",
                "%61=1&a=2",
                "+=+",
                "a=b=c",
                "a=+%2B+",
                "=a",
                "a=1&&b=2&")) {
            edges.add(body.getBytes(StandardCharsets.UTF_8));
        }
        for (int[] raw : new int[][] {
            {0xc3},
            {0xc3, 0xa9},
            {0xed, 0xa0, 0x80},
            {0xf4, 0x90, 0x80, 0x80},
            {0xff, 0xfe},
            {'a', '=', 0xe9},
            {'a', '=', 0xc3},
            {0xc3, '=', 'a'},
            {0x00, '=', 0x00}
        }) {
            byte[] bytes = new byte[raw.length];
            for (int i = 0; i < raw.length; i++) {
                bytes[i] = (byte) raw[i];
            }
            edges.add(bytes);
        }
        for (int b = 0; b < 256; b++) {
            edges.add(new byte[] {(byte) b});
            edges.add(String.format("a=%%%02X", b).getBytes(StandardCharsets.US_ASCII));
        }
        return Seeded.cases(1000, TokenFormProperties::body, edges);
    }

    static Stream<Case<Repeat>> repeats() {
        List<Repeat> edges = new ArrayList<>();
        for (String value : EDGE_VALUES) {
            edges.add(new Repeat("a", value, value));
            edges.add(new Repeat("_", "", value));
        }
        edges.add(new Repeat("Z".repeat(20), "v".repeat(40), "w".repeat(40)));
        return Seeded.cases(1000, random -> new Repeat(name(random), value(random), value(random)), edges);
    }

    private static Map<String, String> form(Random random) {
        int size = random.nextInt(7);
        Map<String, String> form = new LinkedHashMap<>();
        while (form.size() < size) {
            form.put(name(random), value(random));
        }
        return form;
    }

    private static String name(Random random) {
        return Seeded.stringOf(random, NAME_CHARS, 1, 20);
    }

    /** Up to 40 chars of any Unicode but lone surrogates, which no encoder can write. */
    private static String value(Random random) {
        return Seeded.string(random, 0, 40, false);
    }

    /** 0 to 255 bytes: any byte, or what forms are made of (separators, escapes, broken escapes, UTF-8 bytes). */
    private static byte[] body(Random random) {
        int length = Seeded.length(random, 0, 255);
        boolean formLike = random.nextInt(3) > 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        while (out.size() < length) {
            if (!formLike) {
                out.write(random.nextInt(256));
                continue;
            }
            switch (random.nextInt(7)) {
                case 0 -> out.write(Seeded.pick(random, "&=%+"));
                case 1 -> out.write(Seeded.pick(random, NAME_CHARS));
                case 2 -> out.write(Seeded.pick(random, HEX));
                case 3 -> out.write(0x80 + random.nextInt(0x80));
                case 4 ->
                    out.writeBytes(("%" + Seeded.pick(random, HEX) + Seeded.pick(random, HEX))
                            .getBytes(StandardCharsets.US_ASCII));
                case 5 ->
                    out.writeBytes(URLEncoder.encode(Seeded.string(random, 1, 4, false), StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.US_ASCII));
                default -> out.write(random.nextInt(256));
            }
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }
}
