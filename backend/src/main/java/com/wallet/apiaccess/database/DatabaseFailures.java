package com.wallet.apiaccess.database;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells apart failures of the database from the outside, by the types of the failure and of its
 * causes (and SQLSTATEs), not by their messages: a lost or refused connection (503) and a unique key
 * (409). The one failure that Vert.x gives only a message is named at {@link #NOT_ACTIVE}.
 */
public final class DatabaseFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /** No failure worth classifying is wrapped deeper than this; a longer chain is treated as unknown. */
    private static final int MAX_VISITED = 64;

    /**
     * What Vert.x fails with when a pooled connection was closed under a command: a shared instance of
     * the plain {@code VertxException}, so only its identity tells it from any other VertxException.
     */
    private static final Throwable CONNECTION_CLOSED = io.vertx.core.net.impl.ConnectionBase.CLOSED_EXCEPTION;
    /**
     * How Vert.x fails a command given to a connection that has closed already
     * ({@code SocketConnectionBase.schedule}): a NoStackTraceThrowable, Vert.x's type for any failure
     * made of a message, so here, and only here, the exact message is what tells. DatabaseFailuresTest
     * provokes it against a real PostgreSQL, so a Vert.x that words it otherwise fails that test.
     */
    private static final String NOT_ACTIVE = "Connection is not active now, current status: ";

    private DatabaseFailures() {}

    /** The database cannot be reached or did not answer: the caller should retry later (503). */
    public static boolean isUnavailable(Throwable failure) {
        return unavailability(failure) != null;
    }

    /**
     * The failure, among {@code failure} and its causes, that says the database is unavailable; null
     * when none does. The chain of causes decides first; when it holds nothing about the database at
     * all, the failures suppressed along it (a rollback that failed too, the other failures of a
     * Mutiny {@code CompositeException}) are asked. An answer of the database itself (an SQLSTATE of
     * another class than 08 or 57P) ends the search: the database was there.
     */
    public static Throwable unavailability(Throwable failure) {
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Search search = new Search();
        search.walk(failure, visited);
        return search.found;
    }

    /** The insert broke a unique constraint: somebody else created the same key first. */
    public static boolean isUniqueViolation(Throwable failure) {
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && visited.size() < MAX_VISITED && visited.add(t); t = t.getCause()) {
            if (UNIQUE_VIOLATION.equals(sqlState(t))) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /** One search: the first failure that tells unavailability, or that the database answered. */
    private static final class Search {
        Throwable found;
        boolean databaseAnswered;

        void walk(Throwable failure, Set<Throwable> visited) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = failure; t != null && visited.size() < MAX_VISITED && visited.add(t); t = t.getCause()) {
                chain.add(t);
                String sqlState = sqlState(t);
                if (sqlState != null) {
                    if (isConnectionState(sqlState)) {
                        found = t;
                    } else {
                        databaseAnswered = true;
                    }
                    return;
                }
                if (meansUnavailable(t)) {
                    found = t;
                    return;
                }
            }
            for (Throwable t : chain) {
                for (Throwable suppressed : t.getSuppressed()) {
                    walk(suppressed, visited);
                    if (found != null || databaseAnswered) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * The types that mean the connection to the database failed or was lost:
     * <ul>
     * <li>I/O on the connection: {@link SocketException} ("Connection reset", and its
     * {@link java.net.ConnectException} "Connection refused", Netty's {@code ConnectTimeoutException}),
     * {@link ClosedChannelException}, {@link EOFException}, {@link SocketTimeoutException},
     * {@link UnknownHostException}, Netty's native {@code Errors.NativeIoException} ("Connection reset by
     * peer" with epoll), and a plain {@link IOException} ("Broken pipe" on a write). Other kinds of
     * IOException (Jackson's JsonProcessingException, a file not found, a charset error) are about
     * data, not the database, and are not among these.</li>
     * <li>{@link TimeoutException}, Vert.x's NoStackTraceTimeoutException included.</li>
     * <li>{@code io.vertx.sqlclient.ClosedConnectionException}: the connection closed under a command.</li>
     * <li>Vert.x's shared "connection was closed" failure, recognised by identity, since its type
     * (a plain VertxException) says nothing by itself; and its "connection is not active now" failure
     * of a command given to a closed connection, recognised by its exact message (see {@link #NOT_ACTIVE}).</li>
     * </ul>
     * The pool's own waits for a free connection end with failures that only their messages tell
     * apart (a shared VertxException when a query waited, a NoStackTraceThrowable "Timeout" when
     * {@code getConnection()} did); {@code database.FailFastPool} arms no such timer, so they do not
     * occur.
     */
    private static boolean meansUnavailable(Throwable t) {
        return t instanceof SocketException
                || t instanceof ClosedChannelException
                || t instanceof EOFException
                || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException
                || t instanceof io.netty.channel.unix.Errors.NativeIoException
                || t.getClass() == IOException.class
                || t instanceof TimeoutException
                || t instanceof io.vertx.sqlclient.ClosedConnectionException
                || t == CONNECTION_CLOSED
                || t instanceof io.vertx.core.impl.NoStackTraceThrowable
                        && t.getMessage() != null
                        && t.getMessage().startsWith(NOT_ACTIVE);
    }

    /** SQLSTATE class 08 (connection exception) and 57P (operator intervention: shutting down, starting up). */
    private static boolean isConnectionState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    private static String sqlState(Throwable t) {
        if (t instanceof io.vertx.sqlclient.DatabaseException db) {
            return db.getSqlState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (t instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }
}
