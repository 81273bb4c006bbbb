package com.wallet.apiaccess.problem;

import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Tells apart failures of the database from the outside: a lost connection and a unique key. */
public final class DatabaseFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseFailures() {
    }

    /** The database cannot be reached or did not answer: the caller should retry later (503). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || isDriverLevel(t) && isConnectionMessage(t.getMessage())
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            String sqlState = sqlState(t);
            // 08xxx connection exceptions, 57P01..57P03 admin shutdown / cannot connect now
            if (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The insert broke a unique constraint: somebody else created the same key first. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (UNIQUE_VIOLATION.equals(sqlState(t))) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    /** Vert.x and Netty report connection trouble with plain exceptions; their messages tell. */
    private static boolean isDriverLevel(Throwable t) {
        String type = t.getClass().getName();
        return type.startsWith("io.vertx.") || type.startsWith("io.netty.");
    }

    private static boolean isConnectionMessage(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("connection refused") || m.contains("connection reset") || m.contains("timeout")
                || m.contains("closed") || m.contains("failed to connect") || m.contains("not active")
                || m.contains("shutting down");
    }
}
