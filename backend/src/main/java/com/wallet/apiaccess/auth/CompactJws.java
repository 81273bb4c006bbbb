package com.wallet.apiaccess.auth;

/**
 * The shape of a JWS in compact serialization (RFC 7515 §7.1) as this service writes it: three
 * base64url segments without padding, each in its one canonical spelling. A decoder ignores the
 * unused low bits of a segment's last character, so without this check one token has several
 * spellings that all verify: a copy with its last character changed would still be accepted.
 */
final class CompactJws {

    private CompactJws() {}

    static boolean isCanonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return segment(token, 0, first)
                && segment(token, first + 1, second)
                && segment(token, second + 1, token.length());
    }

    private static boolean segment(String token, int from, int to) {
        int length = to - from;
        if (length == 0 || length % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (value(token.charAt(i)) < 0) {
                return false;
            }
        }
        int unusedBits = switch (length % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        return (value(token.charAt(to - 1)) & ((1 << unusedBits) - 1)) == 0;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
