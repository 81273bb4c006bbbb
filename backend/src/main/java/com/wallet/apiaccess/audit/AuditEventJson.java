package com.wallet.apiaccess.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** An audit row as the API and the webhooks show it: API.md's {@code Event}. */
final class AuditEventJson {

    /** The columns {@link #of(Row)} reads, in a select list. */
    static final String COLUMNS =
            "id, at, action, actor_type, actor_id, target_type, target_id, changes::text as changes,"
                    + " source_ip, user_agent, minute, attempts";

    private AuditEventJson() {}

    static JsonObject of(Row row) {
        JsonObject event = new JsonObject()
                .put("id", Long.toString(row.getLong("id")))
                .put("at", instant(row.getOffsetDateTime("at")))
                .put("action", row.getString("action"))
                .put(
                        "actor",
                        new JsonObject()
                                .put("type", row.getString("actor_type"))
                                .put("id", row.getString("actor_id")))
                .put(
                        "target",
                        new JsonObject()
                                .put("type", row.getString("target_type"))
                                .put("id", row.getString("target_id")));
        String changes = row.getString("changes");
        if (changes != null) {
            event.put("changes", new JsonObject(changes));
        }
        event.put(
                "source",
                new JsonObject().put("ip", row.getString("source_ip")).put("userAgent", row.getString("user_agent")));
        if (row.getOffsetDateTime("minute") != null) {
            event.put("attempts", row.getInteger("attempts"));
        }
        return event;
    }

    private static String instant(OffsetDateTime at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.toInstant());
    }
}
