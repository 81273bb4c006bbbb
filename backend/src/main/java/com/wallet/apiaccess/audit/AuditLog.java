package com.wallet.apiaccess.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes the audit log, always inside the transaction of the change it records: one statement more
 * per change, and the event commits or rolls back with it.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT_NATIVE = "insert into audit_event"
            + " (wallet_id, at, action, actor_type, actor_id, target_type, target_id, changes, source_ip, user_agent)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(cast(?8 as text) as jsonb), cast(?9 as varchar),"
            + " cast(?10 as varchar))";

    private static final String INSERT = "insert into audit_event"
            + " (wallet_id, at, action, actor_type, actor_id, target_type, target_id, changes, source_ip, user_agent)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)";

    /** Records {@code entry} in the Hibernate Reactive transaction of the caller (a {@code @WithTransaction} method). */
    public Uni<Void> record(AuditEntry entry) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_NATIVE)
                        .setParameter(1, entry.walletId())
                        .setParameter(2, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                        .setParameter(3, entry.action())
                        .setParameter(4, entry.actor().type())
                        .setParameter(5, entry.actor().id())
                        .setParameter(6, entry.target().type())
                        .setParameter(7, entry.target().id())
                        .setParameter(
                                8,
                                entry.changes() == null ? null : entry.changes().encode())
                        .setParameter(9, entry.source().ip())
                        .setParameter(10, entry.source().userAgent())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Records {@code entry} on {@code connection}, inside the transaction it runs. */
    public Uni<Void> record(SqlClient connection, AuditEntry entry) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {
                    entry.walletId(),
                    OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
                    entry.action(),
                    entry.actor().type(),
                    entry.actor().id(),
                    entry.target().type(),
                    entry.target().id(),
                    // the JsonObject itself: a String bound to jsonb would be stored as a JSON string
                    entry.changes(),
                    entry.source().ip(),
                    entry.source().userAgent()
                }))
                .replaceWithVoid();
    }
}
