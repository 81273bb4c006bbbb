package com.wallet.apiaccess.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready while the reactive pool that serves requests reaches PostgreSQL. The JDBC datasource exists
 * only for Flyway at start, so its health says nothing about serving and is not checked.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private static final String NAME = "PostgreSQL";
    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1")
                .execute()
                .ifNoItem()
                .after(Duration.ofSeconds(2))
                .fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("reason", failure.getClass().getSimpleName())
                        .build());
    }
}
