package com.wallet.apiaccess.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The list's {@code status=} and {@code unusedDays=} filters as SQL conditions on {@code api_client},
 * their parameters numbered from {@code firstParameter}. The status of a row is worked out from
 * {@code enabled} and {@code expiry_date} against today, as {@link ClientStatus#of} does.
 */
record ClientFilter(Set<ClientStatus> statuses, Integer unusedDays) {

    static final ClientFilter NONE = new ClientFilter(EnumSet.noneOf(ClientStatus.class), null);

    ClientFilter {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(ClientStatus.class) : EnumSet.copyOf(statuses);
    }

    boolean isEmpty() {
        return statuses.isEmpty() && unusedDays == null;
    }

    /** The conditions, each starting with " and ", and their values appended to {@code values}. */
    String conditions(int firstParameter, Instant now, LocalDate today, int warnDays, List<Object> values) {
        StringBuilder sql = new StringBuilder();
        int next = firstParameter;
        if (!statuses.isEmpty() && statuses.size() < ClientStatus.values().length) {
            String todayParam = "$" + next++;
            String warnParam = "$" + next++;
            values.add(today);
            values.add(today.plusDays(warnDays));
            StringJoiner any = new StringJoiner(" or ", " and (", ")");
            for (ClientStatus status : statuses) {
                any.add(
                        switch (status) {
                            case active -> "(enabled and expiry_date >= " + warnParam + ")";
                            case expiring -> "(enabled and expiry_date >= " + todayParam + " and expiry_date < "
                                    + warnParam + ")";
                            case expired -> "(enabled and expiry_date < " + todayParam + ")";
                            case disabled -> "(not enabled)";
                        });
            }
            sql.append(any);
        }
        if (unusedDays != null) {
            sql.append(" and (last_used_at is null or last_used_at < $").append(next).append(')');
            values.add(OffsetDateTime.ofInstant(now.minus(unusedDays, ChronoUnit.DAYS), ZoneOffset.UTC));
        }
        return sql.toString();
    }
}
