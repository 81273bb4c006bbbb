package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.audit.Actor;
import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.client.ExpiringClients;
import com.wallet.apiaccess.client.ExpiringClients.ExpiringClient;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.role.Source;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records {@code client.expiring} 30, 7 and 1 days before a client's expiry date and
 * {@code client.expired} the day after it, each once per client and expiry date: a row in
 * {@code webhook_expiry_notice} says it was recorded, in the transaction of its audit event. Runs at start
 * and every {@code api-access.webhooks.expiry-check-every}, one replica at a time (an advisory lock); a
 * run after a pause records every notice whose day has come and that is not recorded yet, for clients
 * that expired up to {@link #CATCH_UP_DAYS} days ago.
 */
@ApplicationScoped
public class ExpiryNotices {

    private static final Logger LOG = Logger.getLogger(ExpiryNotices.class);
    /** Any constant both versions agree on: "expiry notices". */
    private static final long LOCK = 0xe8b1c3L;

    static final int[] DAYS_AHEAD = {30, 7, 1};
    static final int CATCH_UP_DAYS = 45;

    private final Pool pool;
    private final ExpiringClients clients;
    private final AuditLog audit;
    private final Vertx vertx;
    private final long everyMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ExpiryNotices(Pool pool, ExpiringClients clients, AuditLog audit, Vertx vertx, ApiAccessConfig config) {
        this.pool = pool;
        this.clients = clients;
        this.audit = audit;
        this.vertx = vertx;
        this.everyMillis = config.webhooks().expiryCheckEvery().toMillis();
    }

    void start(@Observes StartupEvent event) {
        vertx.setTimer(1, first -> runNow());
        timer = vertx.setPeriodic(everyMillis, id -> runNow());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void runNow() {
        if (running.compareAndSet(false, true)) {
            run(Instant.now())
                    .onTermination()
                    .invoke(() -> running.set(false))
                    .subscribe()
                    .with(
                            recorded -> {},
                            failure -> LOG.warnf(
                                    "Expiry notices failed (%s); the next run catches up",
                                    failure.getClass().getSimpleName()));
        }
    }

    /** A notice due for a client: which, and its audit event. */
    private record Due(ExpiringClient client, String notice, String action, JsonObject changes) {}

    /** Records the notices due on {@code now}'s day (UTC) and answers how many. Tests call it with a later {@code now}. */
    public Uni<Integer> run(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_advisory_xact_lock($1)")
                        .execute(Tuple.of(LOCK))
                        .chain(() -> clients.between(
                                connection, today.minusDays(CATCH_UP_DAYS), today.plusDays(DAYS_AHEAD[0])))
                        .chain(found -> notRecorded(connection, found, today))
                        .chain(due -> Multi.createFrom()
                                .iterable(due)
                                .onItem()
                                .transformToUniAndConcatenate(notice -> record(connection, notice, at))
                                .collect()
                                .with(java.util.stream.Collectors.summingInt(Integer::intValue))))
                .invoke(recorded -> {
                    if (recorded > 0) {
                        LOG.infof("Recorded %d client expiry notices", recorded);
                    }
                });
    }

    private Uni<List<Due>> notRecorded(SqlConnection connection, List<ExpiringClient> found, LocalDate today) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection
                .preparedQuery("select client_row_id, expiry_date, notice from webhook_expiry_notice"
                        + " where client_row_id = any($1)")
                .execute(Tuple.of(found.stream().map(ExpiringClient::rowId).toArray(Long[]::new)))
                .map(rows -> {
                    Set<String> recorded = new HashSet<>();
                    for (Row row : rows) {
                        recorded.add(key(row.getLong(0), row.getLocalDate(1), row.getString(2)));
                    }
                    List<Due> due = new ArrayList<>();
                    for (ExpiringClient client : found) {
                        for (Due notice : dueOn(client, today)) {
                            if (!recorded.contains(key(client.rowId(), client.expiryDate(), notice.notice()))) {
                                due.add(notice);
                            }
                        }
                    }
                    return due;
                });
    }

    /** Every notice whose day has come by {@code today}, oldest first. */
    static List<Due> dueOn(ExpiringClient client, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, client.expiryDate());
        List<Due> due = new ArrayList<>();
        for (int ahead : DAYS_AHEAD) {
            if (daysLeft <= ahead) {
                JsonObject changes = new JsonObject()
                        .put("expiryDate", client.expiryDate().toString())
                        .put("daysAhead", ahead)
                        .put("daysLeft", daysLeft);
                due.add(new Due(client, "expiring-" + ahead, EventTypes.EXPIRING, changes));
            }
        }
        if (daysLeft < 0) {
            JsonObject changes =
                    new JsonObject().put("expiryDate", client.expiryDate().toString());
            due.add(new Due(client, "expired", EventTypes.EXPIRED, changes));
        }
        return due;
    }

    private Uni<Integer> record(SqlConnection connection, Due due, Instant at) {
        return connection
                .preparedQuery("insert into webhook_expiry_notice (client_row_id, expiry_date, notice, noticed_at)"
                        + " values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(
                        due.client().rowId(),
                        due.client().expiryDate(),
                        due.notice(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(0)
                        : audit.record(
                                        connection,
                                        List.of(new AuditEntry(
                                                due.client().walletId(),
                                                at,
                                                due.action(),
                                                Actor.SERVICE,
                                                Target.client(due.client().clientId()),
                                                due.changes(),
                                                Source.NONE)))
                                .replaceWith(1));
    }

    private static String key(long rowId, LocalDate expiryDate, String notice) {
        return rowId + "/" + expiryDate + "/" + notice;
    }
}
