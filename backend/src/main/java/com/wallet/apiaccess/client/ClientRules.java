package com.wallet.apiaccess.client;

import com.wallet.apiaccess.problem.FieldError;

import java.time.LocalDate;
import java.util.List;

/** Field rules of a client beyond its id: notes and expiry date. */
final class ClientRules {

    static final int NOTES_MAX = 1000;
    static final LocalDate LAST_EXPIRY = LocalDate.of(9999, 12, 31);

    private ClientRules() {
    }

    /** Blank notes are no notes; control characters other than tab and line breaks are refused. */
    static String notes(String notes, List<FieldError> errors) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String trimmed = notes.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)) {
            errors.add(new FieldError("notes", "must not contain control characters"));
        }
        return trimmed;
    }

    /**
     * The expiry date of a new client: one year from today when none is asked for. {@code creatorExpiry}
     * is the expiry date of the client whose token creates it (null for a user): a client cannot make one
     * that outlives it, so that is the latest date, and the default too when it comes sooner.
     */
    static LocalDate expiryDate(LocalDate requested, LocalDate today, LocalDate creatorExpiry, List<FieldError> errors) {
        if (requested == null) {
            LocalDate inAYear = today.plusYears(1);
            return creatorExpiry != null && creatorExpiry.isBefore(inAYear) ? creatorExpiry : inAYear;
        }
        if (requested.isBefore(today)) {
            errors.add(new FieldError("expiryDate", "must not be in the past (today is " + today + " UTC)"));
        } else if (creatorExpiry != null && requested.isAfter(creatorExpiry)) {
            errors.add(new FieldError("expiryDate", "must not be later than " + creatorExpiry
                    + ", the expiry date of the client creating it"));
        } else if (requested.isAfter(LAST_EXPIRY)) {
            errors.add(new FieldError("expiryDate", "must be on or before " + LAST_EXPIRY));
        }
        return requested;
    }
}
