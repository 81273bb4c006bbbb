package com.wallet.apiaccess.database;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive pool, with connecting bounded by {@code api-access.database.timeout} so that a
 * database outage answers 503 within seconds instead of holding requests (Vert.x would wait 60 s).
 * <p>
 * The pool's own timer on the wait for a free connection is off ({@code connectionTimeout} 0). In
 * Vert.x 4.5 ({@code SqlConnectionPool.execute}) every query through the pool arms that timer, 30 s
 * by default, and cancels it only when it gets a connection: when getting one fails instead (the
 * connection is refused during an outage), the query fails at once, and when the timer fires later
 * it fails the query's promise a second time, which Vert.x reports as an uncaught
 * "IllegalStateException: Result is already complete" at ERROR, one per query refused during the
 * outage, 30 s after it (vertx-sql-client issue 1706). Without the timer a query waits for a
 * connection until one is free or connecting fails; during an outage connecting fails within the
 * connect timeout above, or at once when PostgreSQL refuses, so no request waits on the pool for long.
 */
@ApplicationScoped
public class FailFastPool implements PgPoolCreator {

    private final Duration timeout;
    private volatile PgConnectOptions server;

    @Inject
    public FailFastPool(ApiAccessConfig config) {
        this(config.database().timeout());
    }

    FailFastPool(Duration timeout) {
        this.timeout = timeout;
    }

    /** How the pool reaches PostgreSQL, for connections of another kind (LISTEN). Null before the pool exists. */
    public PgConnectOptions server() {
        return server == null ? null : new PgConnectOptions(server);
    }

    @Override
    public Pool create(Input input) {
        int millis = (int) Math.max(100, timeout.toMillis());
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            servers.add(options.setConnectTimeout(millis));
        }
        server = input.pgConnectOptionsList().get(0);
        PoolOptions pool = new PoolOptions(input.poolOptions()).setConnectionTimeout(0);
        return PgBuilder.pool()
                .with(pool)
                .connectingTo(servers)
                .using(input.vertx())
                .build();
    }
}
