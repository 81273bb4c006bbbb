package com.wallet.apiaccess.client;

import com.wallet.apiaccess.problem.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** The last day a client works, in UTC: it is refused from the start of the next day on. */
public record Expiry(LocalDate lastDay) {

    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public Expiry {
        Objects.requireNonNull(lastDay, "lastDay");
    }

    /** The first instant the client no longer works. */
    public Instant endsAt() {
        return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean isPassedAt(Instant now) {
        return !now.isBefore(endsAt());
    }

    /**
     * The expiry of a new client: one year from today when none is asked for. {@code creatorExpiry} is
     * the expiry date of the client whose token creates it (null for a user): a client cannot make one
     * that outlives it, so that is the latest date, and the default too when it comes sooner.
     */
    static Expiry ofNewClient(LocalDate requested, LocalDate today, LocalDate creatorExpiry, List<FieldError> errors) {
        if (requested == null) {
            LocalDate inAYear = today.plusYears(1);
            return new Expiry(creatorExpiry != null && creatorExpiry.isBefore(inAYear) ? creatorExpiry : inAYear);
        }
        if (requested.isBefore(today)) {
            errors.add(new FieldError("expiryDate", "must not be in the past (today is " + today + " UTC)"));
        } else if (creatorExpiry != null && requested.isAfter(creatorExpiry)) {
            errors.add(new FieldError(
                    "expiryDate",
                    "must not be later than " + creatorExpiry + ", the expiry date of the client creating it"));
        } else if (requested.isAfter(LATEST)) {
            errors.add(new FieldError("expiryDate", "must be on or before " + LATEST));
        }
        return new Expiry(requested);
    }

    @Override
    public String toString() {
        return lastDay.toString();
    }
}
