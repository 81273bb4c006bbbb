package com.wallet.apiaccess.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The list's {@code status=} and {@code unusedDays=} filters as SQL conditions on {@code api_client},
 * their parameters numbered after those already in {@code values}. The status of a row is worked out from
 * {@code enabled} and {@code expiry_date} against today, as {@link ClientStatus#of} does.
 */
record ClientFilter(Set<ClientStatus> statuses, Integer unusedDays) {

    static final ClientFilter NONE = new ClientFilter(EnumSet.noneOf(ClientStatus.class), null);

    ClientFilter {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(ClientStatus.class) : EnumSet.copyOf(statuses);
    }

    /** {@code $n} of the value, numbered after those already in {@code values}, the same one for an equal value. */
    private static String parameter(Object value, int first, List<Object> values) {
        int index = values.indexOf(value);
        if (index < 0) {
            values.add(value);
            index = values.size() - 1;
        }
        return "$" + (first + index);
    }

    boolean isEmpty() {
        return statuses.isEmpty() && unusedDays == null;
    }

    /** The conditions, each starting with " and ", and their values appended to {@code values}. */
    String conditions(Instant now, LocalDate today, int warnDays, List<Object> values) {
        int first = values.size() + 1;
        StringBuilder sql = new StringBuilder();
        if (!statuses.isEmpty() && statuses.size() < ClientStatus.values().length) {
            // numbered as they are first used: PostgreSQL refuses a parameter no condition names
            List<Object> dates = new ArrayList<>();
            StringJoiner any = new StringJoiner(" or ", " and (", ")");
            for (ClientStatus status : statuses) {
                any.add(
                        switch (status) {
                            case active ->
                                "(enabled and expiry_date >= " + parameter(today.plusDays(warnDays), first, dates)
                                        + ")";
                            case expiring ->
                                "(enabled and expiry_date >= "
                                        + parameter(today, first, dates) + " and expiry_date < "
                                        + parameter(today.plusDays(warnDays), first, dates) + ")";
                            case expired -> "(enabled and expiry_date < " + parameter(today, first, dates) + ")";
                            case disabled -> "(not enabled)";
                        });
            }
            sql.append(any);
            values.addAll(dates);
        }
        if (unusedDays != null) {
            sql.append(" and (last_used_at is null or last_used_at < $")
                    .append(values.size() + 1)
                    .append(')');
            values.add(OffsetDateTime.ofInstant(now.minus(unusedDays, ChronoUnit.DAYS), ZoneOffset.UTC));
        }
        return sql.toString();
    }
}
