package com.wallet.apiaccess.problem;

import io.quarkus.security.AuthenticationFailedException;

import java.util.Map;

/**
 * A bearer token we refuse, with a reason written for the client (RFC 6750 error_description).
 * Other authentication failures carry no such reason and must not show theirs.
 */
public final class InvalidToken {

    private static final String REASON = "api-access.invalid-token-reason";
    private static final String CHALLENGE = "api-access.invalid-token-challenge";

    private InvalidToken() {}

    public static AuthenticationFailedException because(String reason) {
        return new AuthenticationFailedException(reason, Map.of(REASON, reason));
    }

    /** Refused with a challenge of our own rather than {@code Bearer … error="invalid_token"}: a DPoP one (RFC 9449 §7.1). */
    public static AuthenticationFailedException because(String reason, String challenge) {
        return new AuthenticationFailedException(reason, Map.of(REASON, reason, CHALLENGE, challenge));
    }

    /** The challenge a refusal asked for, or null for the usual one. */
    public static String challengeOf(AuthenticationFailedException failure) {
        return failure.getAttribute(CHALLENGE);
    }

    /** The reason we wrote, or null when the failure is not one of ours. */
    public static String reasonOf(AuthenticationFailedException failure) {
        return failure.getAttribute(REASON);
    }
}
