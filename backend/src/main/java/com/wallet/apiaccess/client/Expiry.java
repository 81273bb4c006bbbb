package com.wallet.apiaccess.client;

import com.wallet.apiaccess.problem.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The last day a client works, in UTC: it is refused from the start of the next day on. */
public record Expiry(LocalDate lastDay) {

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
     * that outlives it, so that is the latest date, and the default too when it comes sooner. {@code latest}
     * is the lifetime policy's latest date ({@code api-access.expiry.max-days} from today); the default
     * is never later either.
     */
    static Expiry ofNewClient(
            LocalDate requested, LocalDate today, LocalDate creatorExpiry, LocalDate latest, List<FieldError> errors) {
        if (requested == null) {
            LocalDate chosen = today.plusYears(1);
            if (creatorExpiry != null && creatorExpiry.isBefore(chosen)) {
                chosen = creatorExpiry;
            }
            return new Expiry(latest.isBefore(chosen) ? latest : chosen);
        }
        if (requested.isBefore(today)) {
            errors.add(new FieldError("expiryDate", "must not be in the past (today is " + today + " UTC)"));
        } else if (creatorExpiry != null && requested.isAfter(creatorExpiry)) {
            errors.add(new FieldError(
                    "expiryDate",
                    "must not be later than " + creatorExpiry + ", the expiry date of the client creating it"));
        } else if (requested.isAfter(latest)) {
            errors.add(new FieldError(
                    "expiryDate",
                    "must be on or before " + latest + ": a client may live at most "
                            + today.until(latest, ChronoUnit.DAYS) + " days"));
        }
        return new Expiry(requested);
    }

    @Override
    public String toString() {
        return lastDay.toString();
    }
}
