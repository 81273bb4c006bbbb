package com.wallet.apiaccess.problem;

import io.quarkus.security.AuthenticationFailedException;

import java.util.Map;

/**
 * A bearer token we refuse, with a reason written for the client (RFC 6750 error_description).
 * Other authentication failures carry no such reason and must not show theirs.
 */
public final class InvalidToken {

    private static final String REASON = "api-access.invalid-token-reason";

    private InvalidToken() {}

    public static AuthenticationFailedException because(String reason) {
        return new AuthenticationFailedException(reason, Map.of(REASON, reason));
    }

    /** The reason we wrote, or null when the failure is not one of ours. */
    public static String reasonOf(AuthenticationFailedException failure) {
        return failure.getAttribute(REASON);
    }
}
