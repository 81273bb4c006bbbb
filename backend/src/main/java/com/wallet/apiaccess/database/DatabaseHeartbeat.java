package com.wallet.apiaccess.database;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Knows within a second whether PostgreSQL answers, by asking it twice a second. The token endpoint
 * serves from its cache, so without this it would not notice an outage; with it, it fails closed
 * (503) while it cannot hear of revocations, instead of issuing tokens from what it remembers.
 */
@Startup
@ApplicationScoped
public class DatabaseHeartbeat {

    private static final long EVERY_MILLIS = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private final Pool pool;
    private final Vertx vertx;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean asking = new AtomicBoolean();
    private final long timer;

    public DatabaseHeartbeat(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(EVERY_MILLIS, id -> beat());
    }

    public boolean isUp() {
        return up.get();
    }

    private void beat() {
        if (!asking.compareAndSet(false, true)) {
            // The last question is still open: its own patience decides. A busy machine may take longer
            // than one beat to answer, and that is no outage.
            return;
        }
        pool.query("select 1")
                .execute()
                .ifNoItem()
                .after(PATIENCE)
                .fail()
                .subscribe()
                .with(
                        rows -> {
                            up.set(true);
                            asking.set(false);
                        },
                        failure -> {
                            up.set(false);
                            asking.set(false);
                        });
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
    }
}
