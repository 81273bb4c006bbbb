package com.wallet.apiaccess.crypto;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of a client secret, so that a leaked one can be recognised by a secret scanner:
 * {@code wacs_} + 43 base64url characters (256 random bits) + {@code _} + a 6-character checksum,
 * the CRC-32 of everything before the last underscore, in base62 (0-9A-Za-z), left-padded with 0.
 * A scanner that checks the checksum has almost no false positives. Secrets made before this format
 * (43 bare base64url characters) keep working; they just cannot be recognised.
 */
public final class SecretFormat {

    public static final String PREFIX = "wacs";
    public static final Pattern PATTERN = Pattern.compile("wacs_[A-Za-z0-9_-]{43}_[0-9A-Za-z]{6}");
    static final int RANDOM_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = PREFIX.length() + 1 + RANDOM_LENGTH + 1 + CHECKSUM_LENGTH;

    private SecretFormat() {}

    /** The secret for 43 characters of randomness: prefix, randomness, checksum. */
    static String of(String random) {
        String body = PREFIX + '_' + random;
        return body + '_' + checksum(body);
    }

    /** Whether the text has the shape and its checksum matches: a secret of ours, not a typo or a lookalike. */
    public static boolean isWellFormed(String secret) {
        return secret != null
                && secret.length() == LENGTH
                && PATTERN.matcher(secret).matches()
                && checksum(secret.substring(0, LENGTH - CHECKSUM_LENGTH - 1))
                        .equals(secret.substring(LENGTH - CHECKSUM_LENGTH));
    }

    /** What an admin may see of a secret to tell it apart: the prefix and the last 4 characters. */
    public static String hint(String secret) {
        return PREFIX + "_…" + secret.substring(secret.length() - 4);
    }

    /** Whether a presented secret could be the one with this hint (a null hint, a secret from before, could be any). */
    public static boolean mayMatch(String presented, String hint) {
        return hint == null
                || presented != null
                        && presented.length() >= 4
                        && hint.regionMatches(hint.length() - 4, presented, presented.length() - 4, 4);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
