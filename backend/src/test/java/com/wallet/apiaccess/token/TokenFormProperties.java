package com.wallet.apiaccess.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TokenFormProperties {

    @Property
    void shouldReadBackWhateverAFormEncoderWrote(@ForAll("forms") Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        TokenForm parsed = TokenForm.parse(body.getBytes(StandardCharsets.UTF_8));

        form.forEach((name, value) -> assertThat(parsed.get(name)).isEqualTo(value.isEmpty() ? null : value));
    }

    @Property
    void shouldAnswerAnyBytesWithValuesOrAnOAuthErrorOnly(@ForAll byte[] body) {
        Throwable failure = catchThrowable(() -> TokenForm.parse(body));

        if (failure != null) {
            assertThat(failure).isInstanceOf(OAuthError.class);
            assertThat(((OAuthError) failure).error()).isEqualTo("invalid_request");
        }
    }

    @Property
    void shouldRefuseAnyRepeatedParameter(@ForAll("names") String name, @ForAll("values") String first,
                                          @ForAll("values") String second) {
        String body = name + "=" + URLEncoder.encode(first, StandardCharsets.UTF_8) + "&" + name + "="
                + URLEncoder.encode(second, StandardCharsets.UTF_8);

        Throwable failure = catchThrowable(() -> TokenForm.parse(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(failure).isInstanceOf(OAuthError.class).hasMessageContaining("repeated");
    }

    @Provide
    Arbitrary<Map<String, String>> forms() {
        return Arbitraries.maps(names(), values()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().withChars("_").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }
}
