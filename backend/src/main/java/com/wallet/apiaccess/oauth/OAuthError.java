package com.wallet.apiaccess.oauth;

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
    private final String reason;

    private OAuthError(int status, String error, String description, long retryAfterSeconds) {
        this(status, error, description, retryAfterSeconds, error);
    }

    private OAuthError(int status, String error, String description, long retryAfterSeconds, String reason) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
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

    /** RFC 9449 §5: the DPoP proof is missing where the client requires one, malformed, or fails a check. */
    static OAuthError invalidDpopProof(String description) {
        return new OAuthError(400, "invalid_dpop_proof", description, 0);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description, 0);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description, 0);
    }

    /** RFC 6749 has no code for throttling; the metrics tell it apart from an outage by its reason. */
    static OAuthError throttled(long retryAfterSeconds) {
        return new OAuthError(
                429,
                "temporarily_unavailable",
                "Too many failed client authentications; retry after " + retryAfterSeconds + " seconds",
                retryAfterSeconds,
                "throttled");
    }

    static OAuthError unavailable() {
        return new OAuthError(
                503, "temporarily_unavailable", "The service is temporarily unavailable; retry shortly", 2);
    }

    static OAuthError serverError() {
        return new OAuthError(500, "server_error", "The server could not answer the request", 0);
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

    /** The label of {@code api_access_tokens_refused_total}: the error code, or {@code throttled}. */
    public String reason() {
        return reason;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
