package com.wallet.apiaccess.token;

/**
 * An RFC 6749 §5.2 error of the token endpoint: its status, its {@code error} code and a description
 * meant for the integrator. Carries no stack trace: it is an answer, not a fault.
 */
public final class OAuthError extends RuntimeException {

    /** Unknown client, wrong secret, deleted client and wrong wallet all say exactly this. */
    static final String AUTHENTICATION_FAILED = "Client authentication failed";

    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    private OAuthError(int status, String error, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, 0);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description, 0);
    }

    static OAuthError authenticationFailed() {
        return invalidClient(AUTHENTICATION_FAILED);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description, 0);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description, 0);
    }

    static OAuthError throttled(long retryAfterSeconds) {
        return new OAuthError(429, "temporarily_unavailable",
                "Too many failed client authentications from this address; retry after "
                        + retryAfterSeconds + " seconds", retryAfterSeconds);
    }

    static OAuthError unavailable() {
        return new OAuthError(503, "temporarily_unavailable", "The service is temporarily unavailable; retry shortly", 2);
    }

    static OAuthError serverError() {
        return new OAuthError(500, "server_error", "The server could not issue a token", 0);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
