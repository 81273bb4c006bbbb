package com.wallet.apiaccess.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** API.md's {@code Event}: what the audit log answers and what a webhook carries in {@code data}. */
@Schema(
        name = "AuditEvent",
        requiredProperties = {"id", "at", "action", "actor", "target", "source"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(
        String id,
        Instant at,
        String action,
        Party actor,
        Party target,

        @Schema(description = "What changed: roles as added and removed, other fields as from and to")
        Map<String, Object> changes,

        Origin source,

        @Schema(description = "Of an aggregated failure: the attempts in its minute")
        Integer attempts) {

    /** An actor or a target. */
    @Schema(requiredProperties = {"type", "id"})
    public record Party(String type, String id) {}

    /** Where the request came from; null fields when the service acted on its own. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Origin(String ip, String userAgent) {}

    /** The columns {@link #of(Row)} reads, for a select list. */
    static final String COLUMNS = "id, at, action, actor_type, actor_id, target_type, target_id,"
            + " changes::text as changes, source_ip, user_agent, minute, attempts";

    static AuditEventView of(Row row) {
        String changes = row.getString("changes");
        return new AuditEventView(
                Long.toString(row.getLong("id")),
                row.getOffsetDateTime("at").toInstant(),
                row.getString("action"),
                new Party(row.getString("actor_type"), row.getString("actor_id")),
                new Party(row.getString("target_type"), row.getString("target_id")),
                changes == null ? null : new JsonObject(changes).getMap(),
                new Origin(row.getString("source_ip"), row.getString("user_agent")),
                row.getOffsetDateTime("minute") == null ? null : row.getInteger("attempts"));
    }

    /** The same as JSON, for a webhook's body. */
    public JsonObject json() {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("at", at.toString())
                .put("action", action)
                .put("actor", new JsonObject().put("type", actor.type()).put("id", actor.id()))
                .put("target", new JsonObject().put("type", target.type()).put("id", target.id()));
        if (changes != null) {
            json.put("changes", new JsonObject(changes));
        }
        json.put("source", new JsonObject().put("ip", source.ip()).put("userAgent", source.userAgent()));
        if (attempts != null) {
            json.put("attempts", attempts);
        }
        return json;
    }
}
