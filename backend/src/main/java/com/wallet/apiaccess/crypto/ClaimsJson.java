package com.wallet.apiaccess.crypto;

import java.util.Collection;

/**
 * The claims of a token as a JSON object, written straight into a buffer: strings, numbers, string
 * arrays and {@code cnf}'s one-member object are all our tokens hold. A JWT library builds the same object through maps, reflection and
 * configuration lookups, which cost as much as the signature itself on the token endpoint.
 */
public final class ClaimsJson {

    private final StringBuilder json = new StringBuilder(640).append('{');

    public ClaimsJson string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    public ClaimsJson number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    public ClaimsJson strings(String name, Collection<String> values) {
        name(name);
        json.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                json.append(',');
            }
            quoted(value);
            first = false;
        }
        json.append(']');
        return this;
    }

    /** An object of one string member, such as {@code "cnf": {"jkt": "…"}}. */
    public ClaimsJson object(String name, String member, String value) {
        name(name);
        json.append('{');
        quoted(member);
        json.append(':');
        quoted(value);
        json.append('}');
        return this;
    }

    /** The finished object. */
    public String toJson() {
        return json.toString() + '}';
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quoted(name);
        json.append(':');
    }

    /** RFC 8259 §7: quotation mark, reverse solidus and the control characters are escaped; the rest is UTF-8 as is. */
    private void quoted(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
