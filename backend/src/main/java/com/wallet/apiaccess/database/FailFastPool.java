package com.wallet.apiaccess.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import com.wallet.apiaccess.config.ApiAccessConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive pool, with connecting bounded by {@code api-access.database.timeout} so that a
 * database outage answers 503 within seconds instead of holding requests (Vert.x would wait 60 s).
 * The pool's own wait for a free connection is left alone: its timer races with completion in
 * Vert.x 4.5 and reports "Result is already complete".
 */
@ApplicationScoped
public class FailFastPool implements PgPoolCreator {

    private final Duration timeout;
    private volatile PgConnectOptions server;

    public FailFastPool(ApiAccessConfig config) {
        this.timeout = config.database().timeout();
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
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(servers)
                .using(input.vertx())
                .build();
    }
}
