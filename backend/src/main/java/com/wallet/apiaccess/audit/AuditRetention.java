package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes audit events older than {@code api-access.audit.retention}, oldest first, in batches with a
 * commit each, so that the prune never holds many rows locked or one long transaction open. One replica
 * at a time (an advisory lock); the others skip the round.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    /** pg advisory lock key of the prune: "audit" in ASCII. */
    private static final long LOCK = 0x6175646974L;

    static final int BATCH = 5_000;

    private final Pool pool;
    private final Vertx vertx;
    private final Duration retention;
    private final long everyMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public AuditRetention(Pool pool, Vertx vertx, ApiAccessConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.retention = config.audit().retention();
        this.everyMillis = config.audit().pruneEvery().toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(everyMillis, id -> {
            if (running.compareAndSet(false, true)) {
                prune(Instant.now())
                        .onTermination()
                        .invoke(() -> running.set(false))
                        .subscribe()
                        .with(
                                pruned -> {
                                    if (pruned > 0) {
                                        LOG.infof("Pruned %d audit events older than %s", pruned, retention);
                                    }
                                },
                                failure -> LOG.debugf(
                                        "Audit prune failed (%s); the next round retries",
                                        failure.getClass().getSimpleName()));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes what is past the retention at {@code now}; answers how many. Tests call it with a later now. */
    public Uni<Long> prune(Instant now) {
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC);
        return batch(before, 0);
    }

    private Uni<Long> batch(OffsetDateTime before, long sofar) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)")
                        .execute(Tuple.of(LOCK))
                        .chain(locked -> !locked.iterator().next().getBoolean(0)
                                ? Uni.createFrom().item(-1)
                                : connection
                                        .preparedQuery("delete from audit_event where id in (select id from audit_event"
                                                + " where at < $1 order by at limit $2)")
                                        .execute(Tuple.of(before, BATCH))
                                        .map(deleted -> deleted.rowCount())))
                .chain(deleted -> deleted == BATCH
                        ? batch(before, sofar + deleted)
                        : Uni.createFrom().item(sofar + Math.max(deleted, 0)));
    }
}
