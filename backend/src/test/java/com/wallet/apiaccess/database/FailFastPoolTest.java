package com.wallet.apiaccess.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool FailFastPool builds fails a query that cannot connect once, as an outage, and leaves
 * nothing behind that fails it again later; the pool Vert.x 4.5 builds with a connection timeout
 * does (vertx-sql-client issue 1706), which is why FailFastPool arms none.
 */
@Tag("unit")
class FailFastPoolTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private Vertx vertx;
    private final ConcurrentLinkedQueue<Throwable> uncaught = new ConcurrentLinkedQueue<>();
    private int refusingPort;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        vertx.exceptionHandler(uncaught::add);
        try (ServerSocket socket = new ServerSocket(0)) {
            refusingPort = socket.getLocalPort(); // nothing listens there once it is closed
        }
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aQueryThatCannotConnectFailsOnceAsAnOutage() throws Exception {
        // whatever connection timeout the pool options come with
        Pool pool = new FailFastPool(TIMEOUT).create(input(withConnectionTimeout(new PoolOptions().setMaxSize(2))));
        for (int i = 0; i < 5; i++) {
            Throwable refused = failureOf(pool.query("select 1").execute());
            assertThat(DatabaseFailures.isUnavailable(refused))
                    .as(refused.toString())
                    .isTrue();
        }
        Thread.sleep(TIMEOUT.toMillis() * 5); // long past any timer armed with that timeout
        assertThat(uncaught)
                .as("failures reported to Vert.x after the queries failed")
                .isEmpty();
        pool.close();
    }

    @Test
    void aQueryStillWaitsForAConnectionFreedByAnother() throws Exception {
        PgConnectOptions server = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(5432)
                .setUser("postgres")
                .setDatabase("postgres");
        Pool pool = new FailFastPool(TIMEOUT)
                .create(new Input(vertx, withConnectionTimeout(new PoolOptions().setMaxSize(1)), List.of(server)));
        Future<?> slow = pool.query("select pg_sleep(0.5)").execute();
        Future<?> waiting = pool.query("select 1").execute();
        await(slow);
        await(waiting); // waited longer than TIMEOUT for the only connection, and got it
        assertThat(uncaught).isEmpty();
        pool.close();
    }

    /** Why FailFastPool arms no connection timeout: remove this test once Vert.x no longer does this. */
    @Test
    void vertxFailsAQueryTwiceWhenItsConnectionTimeoutFiresAfterConnectingFailed() throws Exception {
        PgPoolCreator.Input input = input(withConnectionTimeout(new PoolOptions().setMaxSize(2)));
        Pool pool = PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(input.pgConnectOptionsList().get(0))
                .using(vertx)
                .build();
        Throwable refused = failureOf(pool.query("select 1").execute());
        assertThat(DatabaseFailures.isUnavailable(refused)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (uncaught.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(uncaught)
                .as("Vert.x reports its timer failing the query again")
                .anySatisfy(t -> assertThat(t)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Result is already complete"));
        pool.close();
    }

    private static PoolOptions withConnectionTimeout(PoolOptions options) {
        return options.setConnectionTimeout((int) TIMEOUT.toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private PgPoolCreator.Input input(PoolOptions options) {
        return new Input(
                vertx,
                options,
                List.of(new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(refusingPort)
                        .setUser("postgres")
                        .setDatabase("postgres")));
    }

    private record Input(Vertx vertx, PoolOptions poolOptions, List<PgConnectOptions> pgConnectOptionsList)
            implements PgPoolCreator.Input {}

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            Object result = await(future);
            throw new AssertionError("Expected a failure, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
