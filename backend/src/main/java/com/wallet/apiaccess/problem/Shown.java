package com.wallet.apiaccess.problem;

/** A value the client sent, fit to be repeated in an error: at most {@code max} characters, control characters as '?'. */
public final class Shown {

    private Shown() {}

    public static String value(String value, int max) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(max).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > max ? out + "…" : out.toString();
    }
}
