package com.wallet.apiaccess.problem;

import java.util.List;

/** Checks of query parameters that several lists share; a bad one becomes a field error naming it. */
public final class QueryParameters {

    private QueryParameters() {}

    /** {@code value} as a whole number from {@code min} to {@code max}; else a field error, and {@code min}. */
    public static int wholeNumber(String value, int min, int max, String field, List<FieldError> errors) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
