package com.wallet.apiaccess.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the strings hold (quotes, backslashes, control characters, any Unicode), a JSON parser reads back what was written. */
class ClaimsJsonProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 500)
    void shouldWriteJsonThatParsesBackToTheSameClaims(@ForAll String text, @ForAll long number,
                                                       @ForAll @Size(max = 5) List<String> list) throws Exception {
        String json = new ClaimsJson().string("text", text).number("number", number).strings("list", list)
                .string("other \"name\"", text).toJson();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("text", text);
        expected.put("number", number);
        expected.put("list", list);
        expected.put("other \"name\"", text);
        Map<String, Object> parsed = JSON.readValue(json, new TypeReference<>() { });
        assertThat(parsed.get("text")).isEqualTo(text);
        assertThat(((Number) parsed.get("number")).longValue()).isEqualTo(number);
        assertThat(parsed.get("list")).isEqualTo(list);
        assertThat(parsed.keySet()).containsExactlyElementsOf(expected.keySet());
    }

    @Property(tries = 200)
    void shouldLeaveNoRawControlCharacterInTheOutput(@ForAll String text) {
        String json = new ClaimsJson().string("v", text).toJson();

        assertThat(json.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029)).isTrue();
    }
}
