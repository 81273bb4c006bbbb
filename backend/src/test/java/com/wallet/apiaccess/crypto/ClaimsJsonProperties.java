package com.wallet.apiaccess.crypto;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wallet.apiaccess.support.Seeded;
import com.wallet.apiaccess.support.Seeded.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the strings hold (quotes, backslashes, control characters, any Unicode), a JSON parser reads back what was written.
 * Seeded random cases (see {@link Seeded}): {@code -Dproperties.seed=} replays a run.
 */
@Tag("unit")
class ClaimsJsonProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EDGE_TEXTS = edgeTexts();
    private static final List<Long> EDGE_NUMBERS = List.of(
            0L,
            1L,
            -1L,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE + 1,
            Long.MAX_VALUE - 1,
            (long) Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1,
            1L << 53);
    private static final List<List<String>> EDGE_LISTS = List.of(
            List.of(),
            List.of(""),
            List.of("\"", "\\"),
            List.of("\u0000", "\n", "\u2028", "\ud800", "\ud83d\ude00"),
            List.of("", "", "", "", ""));

    record Claims(String text, long number, List<String> list) {}

    @Test
    void shouldWriteJsonThatParsesBackToTheSameClaims() {
        Seeded.forAll(claims(), c -> {
            String json = new ClaimsJson()
                    .string("text", c.text())
                    .number("number", c.number())
                    .strings("list", c.list())
                    .string("other \"name\"", c.text())
                    .toJson();

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("text", c.text());
            expected.put("number", c.number());
            expected.put("list", c.list());
            expected.put("other \"name\"", c.text());
            Map<String, Object> parsed = JSON.readValue(json, new TypeReference<>() {});
            assertThat(parsed.get("text")).isEqualTo(c.text());
            assertThat(((Number) parsed.get("number")).longValue()).isEqualTo(c.number());
            assertThat(parsed.get("list")).isEqualTo(c.list());
            assertThat(parsed.keySet()).containsExactlyElementsOf(expected.keySet());
        });
    }

    @Test
    void shouldLeaveNoRawControlCharacterInTheOutput() {
        Seeded.forAll(texts(), t -> {
            String json = new ClaimsJson().string("v", t).toJson();

            assertThat(json.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029))
                    .isTrue();
        });
    }

    /** Every edge text with every edge number (the lists taking turns), then 500 random claims. */
    static Stream<Case<Claims>> claims() {
        List<Claims> edges = new ArrayList<>();
        for (String text : EDGE_TEXTS) {
            for (long number : EDGE_NUMBERS) {
                edges.add(new Claims(text, number, EDGE_LISTS.get(edges.size() % EDGE_LISTS.size())));
            }
        }
        return Seeded.cases(500, random -> new Claims(text(random), number(random), list(random)), edges);
    }

    /** Every edge text, then 200 random ones. */
    static Stream<Case<String>> texts() {
        return Seeded.cases(200, ClaimsJsonProperties::text, EDGE_TEXTS);
    }

    /** Empty, each control character alone, all of them, the escapes JSON names, line separators, surrogates. */
    private static List<String> edgeTexts() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "\"",
                "\\",
                "\\\"",
                "\"\\\"",
                "/",
                "\u007f",
                "\u0080\u009f",
                "\u2028",
                "\u2029",
                "\u2028\u2029",
                "\ufeff",
                "\uffff",
                "\ud83d\ude00",
                "\ud800",
                "\udfff",
                "\udfff\ud800",
                "</script>",
                "\\u0000",
                "a\"b\\c\nd"));
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            texts.add(String.valueOf(c));
            controls.append(c);
        }
        texts.add(controls.toString());
        return List.copyOf(texts);
    }

    private static String text(Random random) {
        return Seeded.string(random, 0, 255, true);
    }

    private static long number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(201) - 100;
            case 1 -> Seeded.pick(random, EDGE_NUMBERS);
            default -> random.nextLong();
        };
    }

    private static List<String> list(Random random) {
        int size = Seeded.length(random, 0, 5);
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(text(random));
        }
        return list;
    }
}
