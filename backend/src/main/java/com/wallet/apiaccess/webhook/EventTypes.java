package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The audit actions an endpoint may subscribe to (API.md), and the test event that only the console sends. */
final class EventTypes {

    static final String TEST = "webhook.test";
    static final String EXPIRING = "client.expiring";
    static final String EXPIRED = "client.expired";

    static final List<String> SUBSCRIBABLE = List.of(
            "client.created",
            "client.updated",
            "client.deleted",
            "client.enabled",
            "client.disabled",
            "secret.created",
            "secret.retired",
            "key.added",
            "key.removed",
            "user.created",
            "user.updated",
            "user.deleted",
            "user.password_changed",
            "session.failed",
            "client.auth_failed",
            "wallet.created",
            EXPIRING,
            EXPIRED);

    static final String FIELD = "events";

    private EventTypes() {}

    /** The events as given, or null with each problem under {@code events} or {@code events[i]}. */
    static List<String> check(List<String> events, List<FieldError> errors) {
        if (events == null) {
            errors.add(new FieldError(FIELD, "is required"));
            return null;
        }
        if (events.isEmpty()) {
            errors.add(new FieldError(FIELD, "must name at least one event"));
            return null;
        }
        List<String> valid = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>();
        int before = errors.size();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            String field = FIELD + "[" + i + "]";
            if (event == null || !SUBSCRIBABLE.contains(event)) {
                errors.add(new FieldError(field, "must be one of " + String.join(", ", SUBSCRIBABLE)));
            } else if (!seen.add(event)) {
                errors.add(new FieldError(field, "is listed twice"));
            } else {
                valid.add(event);
            }
        }
        return errors.size() == before ? List.copyOf(valid) : null;
    }
}
