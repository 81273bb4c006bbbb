package com.wallet.apiaccess.wallet;

import java.util.regex.Pattern;

/** A wallet's external key: 4-32 characters of a-z and 0-9, no hyphen, so OAuth client ids parse. */
public final class WalletKeyRule {

    public static final String MESSAGE = "must be 4 to 32 lower-case letters and digits";
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9]{4,32}");

    private WalletKeyRule() {}

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }
}
