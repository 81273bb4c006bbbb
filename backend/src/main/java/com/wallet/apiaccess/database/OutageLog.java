package com.wallet.apiaccess.database;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Says that the database is unavailable once every few seconds, with how many requests it refused
 * since, instead of one line per request: an outage under load must not flood the logs. It names the
 * failure that told (a ConnectException, a ClosedConnectionException, a PgException), not the
 * wrapper it came in.
 */
public final class OutageLog {

    private static final Logger LOG = Logger.getLogger(OutageLog.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private static final AtomicLong refused = new AtomicLong();

    private OutageLog() {}

    public static void refused(String where, Throwable failure) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            refused.set(0);
            Throwable told = DatabaseFailures.unavailability(failure);
            LOG.warnf(
                    "Database unavailable (%s at %s); %d request(s) answered 503 since the last report",
                    (told == null ? failure : told).getClass().getSimpleName(), where, count);
        }
    }
}
