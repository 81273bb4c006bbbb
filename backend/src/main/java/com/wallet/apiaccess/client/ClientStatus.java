package com.wallet.apiaccess.client;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a client stands, in the order {@code sort=status} lists them. The constants are the API's words.
 * Disabled wins over expired, expired over expiring.
 */
@SuppressWarnings("java:S115") // the API's words, lower case
public enum ClientStatus {
    active,
    expiring,
    expired,
    disabled;

    static final String RULE = "must be a comma-separated list of active, expiring, expired, disabled";

    /** The status on {@code today} (UTC) of a client expiring after {@code lastDay}, warned {@code warnDays} ahead. */
    static ClientStatus of(boolean enabled, LocalDate lastDay, LocalDate today, int warnDays) {
        if (!enabled) {
            return disabled;
        }
        if (lastDay.isBefore(today)) {
            return expired;
        }
        return lastDay.isBefore(today.plusDays(warnDays)) ? expiring : active;
    }

    static Optional<ClientStatus> parse(String word) {
        for (ClientStatus status : values()) {
            if (status.name().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
