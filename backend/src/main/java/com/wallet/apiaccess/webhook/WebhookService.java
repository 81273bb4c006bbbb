package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.webhook.WebhookRules.Endpoint;
import com.wallet.apiaccess.webhook.WebhookRules.Paging;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A wallet's webhook endpoints: their rules, the secret shown once, and the audit event of each
 * change, written in the change's transaction.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final String COLUMNS = "id, url, events, enabled, created_at";
    static final int MAX_PER_WALLET = 20;
    /** Far above any other advisory lock of ours: a wallet's id is added to it. */
    private static final long CREATE_LOCK = 0x7765626800000000L;

    private final Pool pool;
    private final AddressGuard guard;
    private final WebhookSecrets secrets;
    private final AuditLog audit;

    public WebhookService(Pool pool, AddressGuard guard, WebhookSecrets secrets, AuditLog audit) {
        this.pool = pool;
        this.guard = guard;
        this.secrets = secrets;
        this.audit = audit;
    }

    public Uni<List<WebhookView>> list(Caller caller) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoint where wallet_id = $1"
                        + " order by created_at, id")
                .execute(Tuple.of(caller.walletId()))
                .map(rows -> {
                    List<WebhookView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    public Uni<CreatedWebhookView> create(Caller caller, CreateWebhookRequest request) {
        Endpoint valid = WebhookRules.of(request, guard.allowsHttp());
        return checked(valid.url()).chain(() -> {
            UUID id = UUID.randomUUID();
            String secret = secrets.newSecret();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            JsonObject changes =
                    new JsonObject().put("url", valid.url().shown()).put("events", new JsonArray(valid.events()));
            return pool.withTransaction(connection -> roomFor(connection, caller)
                            .chain(() -> connection
                                    .preparedQuery("insert into webhook_endpoint"
                                            + " (id, wallet_id, url, events, enabled, secret_sealed, created_at, updated_at)"
                                            + " values ($1, $2, $3, $4, true, $5, $6, $6)")
                                    .execute(Tuple.from(new Object[] {
                                        id,
                                        caller.walletId(),
                                        valid.url().text(),
                                        valid.events().toArray(String[]::new),
                                        secrets.seal(secret, id.toString()),
                                        at
                                    })))
                            .chain(() -> audit.record(
                                    connection,
                                    List.of(AuditEntry.by(caller, now, "webhook.created", target(id), changes)))))
                    .map(nothing -> {
                        LOG.infof(
                                "Webhook %s created in wallet %s by %s for %s",
                                id,
                                caller.walletKey(),
                                caller.name(),
                                valid.url().shown());
                        return new CreatedWebhookView(
                                id.toString(), valid.url().text(), valid.events(), true, now, secret);
                    });
        });
    }

    public Uni<WebhookView> update(Caller caller, String id, UpdateWebhookRequest request) {
        Endpoint valid = WebhookRules.of(request, guard.allowsHttp());
        UUID uuid = existing(id);
        return checked(valid.url()).chain(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return pool.withTransaction(connection -> lock(connection, caller, uuid)
                            .chain(before -> {
                                boolean enabled = valid.enabled() == null ? before.enabled() : valid.enabled();
                                WebhookView after = new WebhookView(
                                        before.id(), valid.url().text(), valid.events(), enabled, before.createdAt());
                                return connection
                                        .preparedQuery(
                                                "update webhook_endpoint set url = $2, events = $3, enabled = $4,"
                                                        + " updated_at = $5 where id = $1")
                                        .execute(Tuple.of(
                                                uuid,
                                                after.url(),
                                                after.events().toArray(String[]::new),
                                                enabled,
                                                OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                                        .chain(() -> before.enabled() && !enabled
                                                ? dropPending(connection, uuid, now)
                                                : Uni.createFrom().voidItem())
                                        .chain(() -> audit.record(
                                                connection,
                                                List.of(AuditEntry.by(
                                                        caller,
                                                        now,
                                                        "webhook.updated",
                                                        target(uuid),
                                                        changes(before, after, valid.url())))))
                                        .map(nothing -> after);
                            }))
                    .invoke(after ->
                            LOG.infof("Webhook %s updated in wallet %s by %s", id, caller.walletKey(), caller.name()));
        });
    }

    public Uni<Void> delete(Caller caller, String id) {
        UUID uuid = existing(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(connection -> connection
                        .preparedQuery("delete from webhook_endpoint where id = $1 and wallet_id = $2 returning url")
                        .execute(Tuple.of(uuid, caller.walletId()))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw notFound();
                            }
                            String url = rows.iterator().next().getString("url");
                            JsonObject changes = new JsonObject().put("url", WebhookUrl.shown(url));
                            return audit.record(
                                    connection,
                                    List.of(AuditEntry.by(caller, now, "webhook.deleted", target(uuid), changes)));
                        }))
                .invoke(() ->
                        LOG.infof("Webhook %s deleted from wallet %s by %s", id, caller.walletKey(), caller.name()));
    }

    /** Queues a {@code webhook.test} event for this endpoint alone (the fan-out trigger sees to it). */
    public Uni<Void> test(Caller caller, String id) {
        UUID uuid = existing(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(connection -> lock(connection, caller, uuid)
                .chain(endpoint -> audit.record(
                        connection, List.of(AuditEntry.by(caller, now, EventTypes.TEST, target(uuid), null)))));
    }

    public Uni<DeliveryPage> deliveries(Caller caller, String id, String page, String size) {
        Paging paging = WebhookRules.paging(page, size);
        UUID uuid = existing(id);
        return pool.withConnection(connection -> connection
                .preparedQuery("select (select count(*) from webhook_delivery d where d.endpoint_id = e.id) as total"
                        + " from webhook_endpoint e where e.id = $1 and e.wallet_id = $2")
                .execute(Tuple.of(uuid, caller.walletId()))
                .chain(found -> {
                    if (found.rowCount() == 0) {
                        throw notFound();
                    }
                    long total = found.iterator().next().getLong("total");
                    return connection
                            .preparedQuery("select event_id, type, status, attempts, last_error, last_attempt_at"
                                    + " from webhook_delivery where endpoint_id = $1 order by id desc"
                                    + " limit $2 offset $3")
                            .execute(Tuple.of(uuid, paging.size(), (long) paging.page() * paging.size()))
                            .map(rows -> {
                                List<DeliveryView> items = new ArrayList<>();
                                for (Row row : rows) {
                                    OffsetDateTime last = row.getOffsetDateTime("last_attempt_at");
                                    items.add(new DeliveryView(
                                            Long.toString(row.getLong("event_id")),
                                            row.getString("type"),
                                            row.getString("status"),
                                            row.getInteger("attempts"),
                                            row.getString("last_error"),
                                            last == null ? null : last.toInstant()));
                                }
                                return new DeliveryPage(items, total, paging.page(), paging.size());
                            });
                }));
    }

    /**
     * 409 when the wallet has {@link #MAX_PER_WALLET} endpoints already: each one costs a row per event.
     * Creates of one wallet take turns (a transaction-scoped advisory lock), so none slips past the count.
     */
    private static Uni<Void> roomFor(SqlConnection connection, Caller caller) {
        return connection
                .preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(CREATE_LOCK + caller.walletId()))
                .chain(() -> connection
                        .preparedQuery("select count(*) from webhook_endpoint where wallet_id = $1")
                        .execute(Tuple.of(caller.walletId())))
                .map(rows -> {
                    if (rows.iterator().next().getLong(0) >= MAX_PER_WALLET) {
                        throw ProblemException.conflict(
                                ProblemTypes.TOO_MANY_WEBHOOKS,
                                "Too many webhooks",
                                "A wallet has at most " + MAX_PER_WALLET + " webhook endpoints; delete one first");
                    }
                    return null;
                });
    }

    /** The endpoint of this wallet, its row locked until the transaction ends; else 404. */
    private static Uni<WebhookView> lock(SqlConnection connection, Caller caller, UUID id) {
        return connection
                .preparedQuery(
                        "select " + COLUMNS + " from webhook_endpoint where id = $1 and wallet_id = $2" + " for update")
                .execute(Tuple.of(id, caller.walletId()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw notFound();
                    }
                    return view(rows.iterator().next());
                });
    }

    /** A disabled endpoint is sent nothing more: what it had pending fails now, saying why. */
    private static Uni<Void> dropPending(SqlConnection connection, UUID id, Instant now) {
        return connection
                .preparedQuery(
                        "update webhook_delivery set status = 'failed', last_error = 'the endpoint was disabled',"
                                + " next_attempt_at = $2 where endpoint_id = $1 and status = 'pending' and type <> $3")
                .execute(Tuple.of(id, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), EventTypes.TEST))
                .replaceWithVoid();
    }

    private Uni<Void> checked(WebhookUrl url) {
        return guard.check(url)
                .onFailure(AddressGuard.Refused.class)
                .transform(e -> WebhookRules.refused((AddressGuard.Refused) e))
                .replaceWithVoid();
    }

    private static JsonObject changes(WebhookView before, WebhookView after, WebhookUrl url) {
        JsonObject changes = new JsonObject();
        if (!before.url().equals(after.url())) {
            changes.put(
                    "url",
                    new JsonObject().put("from", WebhookUrl.shown(before.url())).put("to", url.shown()));
        }
        if (!before.events().equals(after.events())) {
            List<String> added = new ArrayList<>(after.events());
            added.removeAll(before.events());
            List<String> removed = new ArrayList<>(before.events());
            removed.removeAll(after.events());
            changes.put(
                    "events",
                    new JsonObject().put("added", new JsonArray(added)).put("removed", new JsonArray(removed)));
        }
        if (before.enabled() != after.enabled()) {
            changes.put(
                    "enabled", new JsonObject().put("from", before.enabled()).put("to", after.enabled()));
        }
        return changes.isEmpty() ? null : changes;
    }

    private static WebhookView view(Row row) {
        return new WebhookView(
                row.getUUID("id").toString(),
                row.getString("url"),
                List.of(row.getArrayOfStrings("events")),
                row.getBoolean("enabled"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Target target(UUID id) {
        return new Target("webhook", id.toString());
    }

    private static UUID existing(String id) {
        UUID uuid = WebhookRules.id(id);
        if (uuid == null) {
            throw notFound();
        }
        return uuid;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such webhook in this wallet");
    }
}
