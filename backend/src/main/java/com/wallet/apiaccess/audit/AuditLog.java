package com.wallet.apiaccess.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the audit log, always inside the transaction of the change it records: one statement more
 * per change, and the event commits or rolls back with it.
 */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "insert into audit_event"
            + " (wallet_id, at, action, actor_type, actor_id, target_type, target_id, changes, source_ip, user_agent)"
            + " values ";

    private static final int PER_ROW = 10;

    /**
     * Records the entries, in one statement, in the Hibernate Reactive transaction of the caller (a
     * {@code @WithTransaction} method).
     */
    public Uni<Void> record(AuditEntry... entries) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        for (int row = 0; row < entries.length; row++) {
            int p = row * PER_ROW;
            sql.append(row == 0 ? "" : ", ")
                    .append("(?")
                    .append(p + 1)
                    .append(", ?")
                    .append(p + 2)
                    .append(", ?")
                    .append(p + 3)
                    .append(", ?")
                    .append(p + 4)
                    .append(", ?")
                    .append(p + 5)
                    .append(", ?")
                    .append(p + 6)
                    .append(", ?")
                    .append(p + 7)
                    .append(", cast(cast(?")
                    .append(p + 8)
                    .append(" as text) as jsonb), cast(?")
                    .append(p + 9)
                    .append(" as varchar), cast(?")
                    .append(p + 10)
                    .append(" as varchar))");
        }
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql.toString());
                    for (int row = 0; row < entries.length; row++) {
                        Object[] values = values(entries[row]);
                        for (int column = 0; column < PER_ROW; column++) {
                            query.setParameter(row * PER_ROW + column + 1, values[column]);
                        }
                    }
                    return query.executeUpdate();
                })
                .replaceWithVoid();
    }

    /** Records the entries, in one statement, on {@code connection}, inside the transaction it runs. */
    public Uni<Void> record(SqlClient connection, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> values = new ArrayList<>(entries.size() * PER_ROW);
        for (int row = 0; row < entries.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= PER_ROW; column++) {
                sql.append(column == 1 ? "$" : ", $").append(row * PER_ROW + column);
                if (column == 8) {
                    sql.append("::jsonb");
                }
            }
            sql.append(')');
            Object[] rowValues = values(entries.get(row));
            // the pg client sends a String for jsonb as a JSON string: the object goes as itself
            rowValues[7] = entries.get(row).changes();
            values.addAll(Arrays.asList(rowValues));
        }
        return connection
                .preparedQuery(sql.toString())
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }

    private static Object[] values(AuditEntry entry) {
        return new Object[] {
            entry.walletId(),
            OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
            entry.action(),
            entry.actor().type(),
            entry.actor().id(),
            entry.target().type(),
            entry.target().id(),
            entry.changes() == null ? null : entry.changes().encode(),
            entry.source().ip(),
            entry.source().userAgent()
        };
    }
}
