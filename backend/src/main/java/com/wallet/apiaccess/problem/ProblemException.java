package com.wallet.apiaccess.problem;

import java.util.List;
import java.util.Map;

/**
 * An answer of the admin API that is not a success. Thrown by services and resources, turned into
 * problem+json by {@link ProblemMapper}. Carries no stack trace: it is an answer, not a fault.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, errors, null);
    }

    /** Throws one 400 naming every invalid field, when there is any. */
    public static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw badRequest(
                    errors.size() == 1
                            ? errors.get(0).field() + ": " + errors.get(0).message()
                            : "The request has " + errors.size() + " invalid fields",
                    errors);
        }
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail, null, null);
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(409, type, title, detail, null, null);
    }

    public static ProblemException gone(String type, String title, String detail) {
        return new ProblemException(410, type, title, detail, null, null);
    }

    public static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(
                401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, null, Map.of("WWW-Authenticate", challenge));
    }

    /** 403 for a missing role (RFC 6750 insufficient_scope). */
    public static ProblemException insufficientRole(String detail, String requiredScope) {
        return new ProblemException(
                403,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                detail,
                null,
                Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + requiredScope + "\""));
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                429,
                ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests",
                detail,
                null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(
                503, ProblemTypes.UNAVAILABLE, "Service unavailable", detail, null, Map.of("Retry-After", "2"));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }
}
