package com.wallet.apiaccess.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads recorded events, for the webhooks that carry them. */
@ApplicationScoped
public class AuditEvents {

    private final Pool pool;

    public AuditEvents(Pool pool) {
        this.pool = pool;
    }

    /** The events of those ids that still exist, as API.md's {@code Event}, by id. */
    public Uni<Map<Long, JsonObject>> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select " + AuditEventView.COLUMNS + " from audit_event where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, JsonObject> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getLong("id"), AuditEventView.of(row).json());
                    }
                    return found;
                });
    }
}
