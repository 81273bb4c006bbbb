package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.role.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the wallet's audit log, newest first, holding only the events the caller may read: client
 * events with {@code api-access:read}, user events with {@code users:read}, webhook events with
 * {@code webhooks:read}, the wallet's own with any of them.
 */
@ApplicationScoped
public class AuditListing {

    private final Pool pool;

    public AuditListing(Pool pool) {
        this.pool = pool;
    }

    public Uni<AuditPage> page(Caller caller, AuditQuery query) {
        List<String> visible = visibleTargets(caller);
        if (query.clientId() != null) {
            caller.require("api-access:read");
        }
        if (query.username() != null) {
            caller.require("users:read");
        }
        List<Object> values = new ArrayList<>();
        values.add(caller.walletId());
        values.add(visible.toArray(String[]::new));
        StringBuilder where = new StringBuilder("wallet_id = $1 and target_type = any($2)");
        if (query.clientId() != null) {
            values.add(query.clientId());
            // what was done to the client, and what the client itself did (its actor id is its OAuth client id)
            values.add("wallet-" + caller.walletKey() + "-" + query.clientId());
            where.append(" and ((target_type = 'client' and target_id = $")
                    .append(values.size() - 1)
                    .append(") or (actor_type = 'client' and actor_id = $")
                    .append(values.size())
                    .append("))");
        }
        if (query.username() != null) {
            values.add(query.username());
            where.append(" and ((target_type = 'user' and target_id = $")
                    .append(values.size())
                    .append(") or (actor_type = 'user' and actor_id = $")
                    .append(values.size())
                    .append("))");
        }
        if (!query.actions().isEmpty()) {
            values.add(query.actions().toArray(String[]::new));
            where.append(" and action = any($").append(values.size()).append(')');
        }
        if (query.from() != null) {
            values.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            where.append(" and at >= $").append(values.size());
        }
        if (query.to() != null) {
            values.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            where.append(" and at < $").append(values.size());
        }
        int filters = values.size();
        values.add(query.size());
        values.add((long) query.page() * query.size());
        String sql = "select " + AuditEventView.COLUMNS + ", count(*) over () as total from audit_event where " + where
                + " order by id desc limit $" + (filters + 1) + " offset $" + (filters + 2);
        return pool.preparedQuery(sql).execute(Tuple.from(values)).chain(rows -> {
            List<AuditEventView> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                items.add(AuditEventView.of(row));
                total = row.getLong("total");
            }
            if (!items.isEmpty() || query.page() == 0) {
                return Uni.createFrom().item(new AuditPage(items, total, query.page(), query.size()));
            }
            // past the last page: the window function saw no row, so count on its own
            return pool.preparedQuery("select count(*) from audit_event where " + where)
                    .execute(Tuple.from(values.subList(0, filters)))
                    .map(counted ->
                            new AuditPage(items, counted.iterator().next().getLong(0), query.page(), query.size()));
        });
    }

    private static List<String> visibleTargets(Caller caller) {
        List<String> visible = new ArrayList<>();
        if (caller.roles().contains("api-access:read")) {
            visible.add("client");
        }
        if (caller.roles().contains("users:read")) {
            visible.add("user");
        }
        if (caller.roles().contains("webhooks:read")) {
            visible.add("webhook");
        }
        if (visible.isEmpty()) {
            throw ProblemException.insufficientRole(
                    "The audit log needs api-access:read, users:read or webhooks:read", "api-access:read users:read");
        }
        visible.add("wallet");
        return visible;
    }
}
