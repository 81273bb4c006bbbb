package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.QueryParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/audit}, checked. {@code from} and {@code to} take an instant or a UTC
 * date; a date {@code to} includes that whole day. {@code action} takes several, comma-separated.
 */
record AuditQuery(String clientId, String username, Set<String> actions, Instant from, Instant to, int page, int size) {

    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern ACTION = Pattern.compile("[a-z_]{1,20}\\.[a-z_]{1,20}");
    private static final int MAX_ACTIONS = 20;
    private static final int MAX_NAME = 200;

    static AuditQuery parse(
            String page, String size, String clientId, String username, String action, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = QueryParameters.wholeNumber(page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", errors);
        int pageSize = QueryParameters.wholeNumber(size, 1, MAX_PAGE_SIZE, "size", errors);
        Set<String> actions = new LinkedHashSet<>();
        if (action != null && !action.isBlank()) {
            for (String one : action.split(",", -1)) {
                String trimmed = one.strip();
                if (!ACTION.matcher(trimmed).matches()) {
                    errors.add(new FieldError("action", "must be actions such as client.updated, comma-separated"));
                    break;
                }
                actions.add(trimmed);
            }
            if (actions.size() > MAX_ACTIONS) {
                errors.add(new FieldError("action", "must be at most " + MAX_ACTIONS + " actions"));
            }
        }
        Instant start = instant(from, false, "from", errors);
        Instant end = instant(to, true, "to", errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be later than from"));
        }
        ProblemException.throwIfInvalid(errors);
        return new AuditQuery(
                name(clientId, "clientId"),
                name(username, "username"),
                Set.copyOf(actions),
                start,
                end,
                pageNumber,
                pageSize);
    }

    private static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            throw ProblemException.badRequest(
                    field + " is too long",
                    List.of(new FieldError(field, "must be at most " + MAX_NAME + " characters")));
        }
        return value.strip();
    }

    /** An instant, or a date: its start, or for {@code to} the start of the next day. */
    private static Instant instant(String value, boolean end, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (2026-12-31) or an instant (2026-12-31T23:59:59Z)"));
            return null;
        }
    }
}
