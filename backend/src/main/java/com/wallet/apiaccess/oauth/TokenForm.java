package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.problem.Shown;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader of {@code application/x-www-form-urlencoded} bodies: broken percent-encoding,
 * invalid UTF-8 and repeated parameters are errors, not guesses (RFC 6749 §3.2: parameters must not
 * be repeated).
 */
final class TokenForm {

    private final Map<String, String> values;

    private TokenForm(Map<String, String> values) {
        this.values = values;
    }

    static TokenForm parse(byte[] body) {
        Map<String, String> values = new HashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, equals < 0 ? end : equals);
                String value = equals < 0 ? "" : decode(body, equals + 1, end);
                if (values.putIfAbsent(name, value) != null) {
                    throw OAuthError.invalidRequest("The parameter '" + Shown.value(name, 40) + "' is repeated");
                }
            }
            start = end + 1;
        }
        return new TokenForm(Collections.unmodifiableMap(values));
    }

    /** The value, or null when absent. An empty value counts as absent (RFC 6749 §3.1). */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    private static int indexOf(byte[] body, byte b, int from) {
        return indexOf(body, b, from, body.length);
    }

    private static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return b == '&' ? to : -1;
    }

    private static String decode(byte[] body, int from, int to) {
        byte[] out = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw OAuthError.invalidRequest("The form body has a broken percent-encoding");
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw OAuthError.invalidRequest("The form body has a broken percent-encoding");
                }
                out[length++] = (byte) ((high << 4) | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        return utf8(out, length);
    }

    static String utf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("The request is not valid UTF-8");
        }
    }
}
