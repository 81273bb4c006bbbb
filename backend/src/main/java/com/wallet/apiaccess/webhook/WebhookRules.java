package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A webhook request checked field by field before anything is looked up: every broken field in one 400. */
final class WebhookRules {

    static final int MAX_PAGE_SIZE = 100;

    /** An endpoint as it is to be; {@code enabled} null leaves it as it is. */
    record Endpoint(WebhookUrl url, List<String> events, Boolean enabled) {}

    record Paging(int page, int size) {}

    private WebhookRules() {}

    static Endpoint of(CreateWebhookRequest request, boolean allowHttp) {
        requireBody(request);
        return endpoint(request.url(), request.events(), true, allowHttp);
    }

    static Endpoint of(UpdateWebhookRequest request, boolean allowHttp) {
        requireBody(request);
        return endpoint(request.url(), request.events(), request.enabled(), allowHttp);
    }

    private static Endpoint endpoint(String url, List<String> events, Boolean enabled, boolean allowHttp) {
        List<FieldError> errors = new ArrayList<>();
        WebhookUrl parsed = WebhookUrl.parse(url, allowHttp, errors);
        List<String> valid = EventTypes.check(events, errors);
        ProblemException.throwIfInvalid(errors);
        return new Endpoint(parsed, valid, enabled);
    }

    /** The id of a path, or null when it cannot name an endpoint (then it is a 404, as an unknown one). */
    static UUID id(String id) {
        try {
            return id != null && id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Paging paging(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int number = integer(page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", errors);
        int count = integer(size, 1, MAX_PAGE_SIZE, "size", errors);
        ProblemException.throwIfInvalid(errors);
        return new Paging(number, count);
    }

    static ProblemException refused(AddressGuard.Refused refused) {
        return ProblemException.badRequest(
                WebhookUrl.FIELD + ": " + refused.getMessage(),
                List.of(new FieldError(WebhookUrl.FIELD, refused.getMessage())));
    }

    private static int integer(String value, int min, int max, String field, List<FieldError> errors) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return min;
    }

    private static void requireBody(Object request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required", null);
        }
    }
}
