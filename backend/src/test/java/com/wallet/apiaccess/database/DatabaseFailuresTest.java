package com.wallet.apiaccess.database;

import com.fasterxml.jackson.core.JsonParseException;
import com.wallet.apiaccess.problem.ProblemException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import org.hibernate.HibernateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is unavailable" (503) and which do not, decided by type. The
 * first group are the failures a real PostgreSQL and the Vert.x client produce; the rest are the
 * types that an outage produces but that cannot be provoked on demand (a reset, a broken pipe), and
 * how wrappers, suppressed failures and cycles are walked.
 */
@Tag("unit")
class DatabaseFailuresTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FromARealPostgreSql {

        private Vertx vertx;

        @BeforeAll
        void start() {
            vertx = Vertx.vertx();
        }

        @AfterAll
        void stop() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        private PgConnectOptions server() {
            return new PgConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(5432)
                    .setUser("postgres")
                    .setDatabase("postgres")
                    .setConnectTimeout(2000);
        }

        @Test
        void aRefusedConnectionIsAnOutage() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Pool pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(1))
                    .connectingTo(server().setPort(closedPort))
                    .using(vertx)
                    .build();
            try {
                Throwable refused = failureOf(pool.query("select 1").execute());
                assertThat(refused).isInstanceOf(ConnectException.class);
                assertThat(DatabaseFailures.isUnavailable(refused))
                        .as(refused.toString())
                        .isTrue();
                assertThat(DatabaseFailures.isUniqueViolation(refused)).isFalse();
            } finally {
                pool.close();
            }
        }

        @Test
        void aTerminatedSessionAndTheClosedConnectionAfterItAreAnOutage() throws Exception {
            SqlConnection connection = await(PgConnection.connect(vertx, server()));
            Throwable terminated = failureOf(connection
                    .query("select pg_terminate_backend(pg_backend_pid())")
                    .execute());
            assertThat(DatabaseFailures.isUnavailable(terminated))
                    .as(terminated.toString())
                    .isTrue();
            // Vert.x has no type of its own for this one: a NoStackTraceThrowable "Connection is not active now"
            Throwable closed = failureOf(connection.query("select 1").execute());
            assertThat(closed).isInstanceOf(NoStackTraceThrowable.class);
            assertThat(DatabaseFailures.isUnavailable(closed))
                    .as(closed.toString())
                    .isTrue();
        }

        @Test
        void theCommandsPendingWhenTheConnectionClosedAreAnOutage() throws Exception {
            SqlConnection connection = await(PgConnection.connect(vertx, server().setPipeliningLimit(1)));
            Future<?> terminating = connection
                    .query("select pg_terminate_backend(pg_backend_pid())")
                    .execute();
            Future<?> pending = connection.query("select 1").execute();
            Throwable terminated = failureOf(terminating);
            Throwable notSent = failureOf(pending);
            assertThat(DatabaseFailures.isUnavailable(terminated))
                    .as(terminated.toString())
                    .isTrue();
            assertThat(DatabaseFailures.isUnavailable(notSent))
                    .as(notSent.toString())
                    .isTrue();
        }

        @Test
        void aUniqueViolationAndASyntaxErrorAreAnswersOfTheDatabase() throws Exception {
            SqlConnection connection = await(PgConnection.connect(vertx, server()));
            try {
                await(connection
                        .query("create temporary table once (id int primary key)")
                        .execute());
                await(connection.query("insert into once values (1)").execute());
                Throwable duplicate = failureOf(
                        connection.query("insert into once values (1)").execute());
                assertThat(duplicate).isInstanceOf(PgException.class);
                assertThat(DatabaseFailures.isUniqueViolation(duplicate)).isTrue();
                assertThat(DatabaseFailures.isUnavailable(duplicate)).isFalse();

                Throwable syntax = failureOf(connection.query("selec 1").execute());
                assertThat(((PgException) syntax).getSqlState()).isEqualTo("42601");
                assertThat(DatabaseFailures.isUnavailable(syntax)).isFalse();
                assertThat(DatabaseFailures.isUniqueViolation(syntax)).isFalse();
            } finally {
                connection.close();
            }
        }

        private <T> T await(Future<T> future) throws Exception {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        private Throwable failureOf(Future<?> future) throws Exception {
            try {
                Object result = await(future);
                throw new AssertionError("Expected a failure, got " + result);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    @Nested
    class ByType {

        @Test
        void lostConnectionsAreOutages() {
            assertUnavailable(new SocketException("Connection reset"));
            assertUnavailable(new ConnectException("Connection refused"));
            assertUnavailable(new io.netty.channel.ConnectTimeoutException("connection timed out: /10.0.0.1:5432"));
            assertUnavailable(new ClosedChannelException());
            assertUnavailable(new EOFException());
            assertUnavailable(new SocketTimeoutException("Read timed out"));
            assertUnavailable(new UnknownHostException("postgres.internal"));
            // Netty's Errors.NativeIoException (epoll's "Connection reset by peer") is classified too, but cannot
            // be made without Netty's native transport, which this service does not ship.
            assertUnavailable(new IOException("Broken pipe"));
        }

        @Test
        void timeoutsAreOutages() {
            assertUnavailable(new TimeoutException());
            assertUnavailable(new NoStackTraceTimeoutException("The timeout period elapsed"));
        }

        @Test
        void vertxClosedConnectionsAreOutages() {
            assertUnavailable(ClosedConnectionException.INSTANCE);
            assertUnavailable(io.vertx.core.net.impl.ConnectionBase.CLOSED_EXCEPTION);
        }

        @Test
        void connectionAndShutdownSqlStatesAreOutages() {
            assertUnavailable(pg("08006", "connection failure"));
            assertUnavailable(pg("08001", "unable to connect"));
            assertUnavailable(pg("57P01", "terminating connection due to administrator command"));
            assertUnavailable(pg("57P02", "terminating connection due to crash of another server process"));
            assertUnavailable(pg("57P03", "the database system is shutting down"));
            assertUnavailable(new SQLException("connection failure", "08006"));
            assertUnavailable(new SQLTransientConnectionException("unable to connect", "08001"));
        }

        @Test
        void hibernateWrappersAreUnwrapped() {
            assertUnavailable(new JDBCConnectionException("could not connect", new SQLException("refused", "08001")));
            assertUnavailable(new GenericJDBCException("shutting down", new SQLException("shutting down", "57P03")));
            assertUnavailable(new HibernateException(ClosedConnectionException.INSTANCE));
            assertUnavailable(new CompletionException(new HibernateException(new SocketException("Connection reset"))));
            assertUnavailable(
                    new HibernateException("wrapped", new CompletionException(new ConnectException("refused"))));
        }

        @Test
        void aFailureSuppressedAlongTheChainCountsWhenTheChainSaysNothingOfTheDatabase() {
            // Mutiny: the work failed (here with our own answer) and then the rollback failed because the connection
            // was gone.
            CompositeException composite = new CompositeException(
                    ProblemException.notFound("No client x"), ClosedConnectionException.INSTANCE);
            assertUnavailable(composite);
            IllegalStateException closed = new IllegalStateException("Session closed");
            closed.addSuppressed(new CompletionException(ClosedConnectionException.INSTANCE));
            assertUnavailable(new CompositeException(closed));
        }

        @Test
        void anAnswerOfTheDatabaseIsNotAnOutageWhateverWasSuppressed() {
            PgException duplicate = pg("23505", "duplicate key value violates unique constraint");
            duplicate.addSuppressed(ClosedConnectionException.INSTANCE);
            assertNotUnavailable(duplicate);
            assertNotUnavailable(
                    new CompositeException(pg("42601", "syntax error"), new SocketException("Connection reset")));
        }

        @Test
        void otherFailuresAreNotOutages() {
            assertNotUnavailable(pg("23505", "duplicate key value violates unique constraint"));
            assertNotUnavailable(pg("42601", "syntax error at or near \"selec\""));
            assertNotUnavailable(pg("57014", "canceling statement due to user request"));
            assertNotUnavailable(new SQLGrammarException("bad sql", new SQLException("syntax", "42601")));
            assertNotUnavailable(new ConstraintViolationException("duplicate", new SQLException("dup", "23505"), "uk"));
            assertNotUnavailable(new IllegalArgumentException("connection refused")); // the message says nothing
            assertNotUnavailable(new NullPointerException());
            assertNotUnavailable(new IllegalStateException("timeout"));
            assertNotUnavailable(new RuntimeException(new IllegalArgumentException("closed")));
            // Vert.x's general-purpose types say nothing by themselves, whatever their message
            assertNotUnavailable(new VertxException("Connection was closed"));
            assertNotUnavailable(new NoStackTraceThrowable("Timeout"));
            assertNotUnavailable(new NoStackTraceThrowable("Connection released twice"));
            // IOExceptions about data, not about a connection
            assertNotUnavailable(new JsonParseException(null, "Unexpected character"));
            assertNotUnavailable(new FileNotFoundException("key.pem"));
            assertNotUnavailable(new java.nio.charset.MalformedInputException(1));
            assertNotUnavailable(ProblemException.notFound("No client x"));
        }

        @Test
        void theUniqueViolationIsFoundThroughWrappers() {
            assertThat(DatabaseFailures.isUniqueViolation(pg("23505", "duplicate")))
                    .isTrue();
            assertThat(DatabaseFailures.isUniqueViolation(new CompletionException(
                            new ConstraintViolationException("duplicate", new SQLException("dup", "23505"), "uk"))))
                    .isTrue();
            assertThat(DatabaseFailures.isUniqueViolation(new HibernateException(new SQLException("dup", "23505"))))
                    .isTrue();
            assertThat(DatabaseFailures.isUniqueViolation(pg("23503", "foreign key")))
                    .isFalse();
            assertThat(DatabaseFailures.isUniqueViolation(new SocketException("Connection reset")))
                    .isFalse();
        }

        @Test
        void cyclesAndDeepChainsEndTheWalk() {
            IllegalStateException first = new IllegalStateException("first");
            IllegalStateException second = new IllegalStateException("second", first);
            first.initCause(second);
            assertNotUnavailable(first);
            assertThat(DatabaseFailures.isUniqueViolation(first)).isFalse();

            IllegalStateException a = new IllegalStateException("a");
            IllegalStateException b = new IllegalStateException("b");
            a.addSuppressed(b);
            b.addSuppressed(a);
            assertNotUnavailable(a);
            b.addSuppressed(new SocketException("Connection reset"));
            assertUnavailable(a);

            Throwable deep = new SocketException("Connection reset");
            for (int i = 0; i < 1000; i++) {
                deep = new RuntimeException("wrapped", deep);
            }
            assertNotUnavailable(deep); // beyond any real wrapping: unknown, and no StackOverflowError
            assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
        }

        @Test
        void theFailureThatToldIsNamed() {
            SocketException reset = new SocketException("Connection reset");
            assertThat(DatabaseFailures.unavailability(new CompletionException(new HibernateException(reset))))
                    .isSameAs(reset);
            assertThat(DatabaseFailures.unavailability(new NullPointerException()))
                    .isNull();
        }
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }

    private static void assertUnavailable(Throwable failure) {
        assertThat(DatabaseFailures.isUnavailable(failure))
                .as("an outage: %s", failure)
                .isTrue();
    }

    private static void assertNotUnavailable(Throwable failure) {
        assertThat(DatabaseFailures.isUnavailable(failure))
                .as("not an outage: %s", failure)
                .isFalse();
    }
}
