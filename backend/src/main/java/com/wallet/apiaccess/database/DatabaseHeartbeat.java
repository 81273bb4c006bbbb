package com.wallet.apiaccess.database;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Knows within a second whether PostgreSQL answers, by asking it twice a second. The token endpoint
 * serves from its cache, so without this it would not notice an outage; with it, it fails closed
 * (503) while it cannot hear of revocations, instead of issuing tokens from what it remembers.
 *
 * <p>It asks on a connection of its own: in the shared pool its question would wait behind the
 * requests of a busy moment, and a pool that is merely busy would be taken for an outage (tokens
 * refused with 503 on a loaded machine while PostgreSQL answered fine).
 */
@Startup
@ApplicationScoped
public class DatabaseHeartbeat {

    private static final long EVERY_MILLIS = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private final Pool pool;
    private final FailFastPool pools;
    private final Vertx vertx;
    private Pool own;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean asking = new AtomicBoolean();
    private final long timer;

    public DatabaseHeartbeat(Pool pool, FailFastPool pools, Vertx vertx) {
        this.pool = pool;
        this.pools = pools;
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
        Pool asked = ownPool();
        asked.query("select 1")
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

    /** One connection of its own, once the shared pool exists and so its connect options are known. */
    private Pool ownPool() {
        if (own == null) {
            pool.getDelegate();
            PgConnectOptions server = pools.server();
            if (server == null) {
                return pool;
            }
            own = Pool.newInstance(PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(0))
                    .connectingTo(server)
                    .using(vertx)
                    .build());
        }
        return own;
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
        if (own != null) {
            own.closeAndForget();
        }
    }
}
