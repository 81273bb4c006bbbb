package com.wallet.apiaccess.client;

import java.util.regex.Pattern;

/** 3-64 characters of a-z 0-9 . _ -, starting and ending with a letter or digit. Never rewritten. */
public final class ClientIdRule {

    public static final String MESSAGE = "must be 3 to 64 characters of lower-case letters, digits, '.', '_' and '-',"
            + " starting and ending with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");

    private ClientIdRule() {}

    public static boolean isValid(String clientId) {
        return clientId != null && PATTERN.matcher(clientId).matches();
    }
}
