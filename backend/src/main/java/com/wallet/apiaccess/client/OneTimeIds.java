package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replay protection shared by every replica: the {@code jti} of each accepted one-time JWT (a client
 * assertion, a DPoP proof) is a row of its table, per client, until it expires, and only the request that
 * inserts it wins. The claims that arrive while a statement is in flight go together in the next one
 * ({@code insert … select from unnest … on conflict do nothing returning}), so a burst costs a few round
 * trips, not one each. That next one is sent at once, up to {@link #MAX_IN_FLIGHT} together, when at
 * least {@link #OVERLAP_AT} claims wait; fewer wait for the statement ahead. Rows past their expiry are
 * pruned every minute.
 *
 * <p>Statements in flight together may hold the same jti (a replay racing its original): the unique key
 * makes the later insert wait for the earlier one's commit and then skip the row, so one wins. Each batch
 * is sorted by that key, so that two statements take their row locks in the same order and cannot deadlock.
 */
final class OneTimeIds {

    private static final Logger LOG = Logger.getLogger(OneTimeIds.class);
    static final int MAX_BATCH = 256;
    /**
     * With one statement at a time, a claim waited for the one ahead and then for its own, two commits,
     * and on a busy machine the event loops idled (83-89% of their thread-dump samples under token_pkj).
     */
    static final int MAX_IN_FLIGHT = 3;
    /**
     * A statement costs PostgreSQL about 100 µs of CPU beyond its rows (measured under token_pkj), so a
     * second one is only worth it for a good batch; a trickle waits, and its batches stay large.
     */
    static final int OVERLAP_AT = 16;

    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private record Claim(
            long clientRowId, String jti, Instant expiresAt, Context context, UniEmitter<? super Boolean> emitter) {

        String key() {
            return clientRowId + " " + jti;
        }

        void complete(Boolean first) {
            if (context != null) {
                context.runOnContext(v -> emitter.complete(first));
            } else {
                emitter.complete(first);
            }
        }

        void fail(Throwable failure) {
            if (context != null) {
                context.runOnContext(v -> emitter.fail(failure));
            } else {
                emitter.fail(failure);
            }
        }
    }

    /** One order for every batch (unnest inserts in array order): any total order of the key will do. */
    private static final Comparator<Claim> BY_KEY =
            Comparator.comparingLong(Claim::clientRowId).thenComparing(Claim::jti);

    private final Pool pool;
    private final String table;
    private final String insert;
    private final String delete;
    private final Queue<Claim> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The claims in the queue, near enough: counted after each add and after each batch is taken. */
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code table} has the columns {@code (client_row_id bigint, jti varchar, expires_at timestamptz)}. */
    OneTimeIds(Pool pool, Vertx vertx, String table) {
        this.pool = pool;
        this.table = table;
        this.insert = "insert into " + table + " (client_row_id, jti, expires_at)"
                + " select * from unnest($1::bigint[], $2::varchar[], $3::timestamptz[])"
                + " on conflict do nothing returning client_row_id, jti";
        this.delete = "delete from " + table + " where expires_at < now() - interval '1 minute'";
        vertx.setPeriodic(PRUNE_EVERY_MILLIS, id -> prune().subscribe().with(done -> {}, failure -> {}));
    }

    /** True for the first use of this jti by this client before {@code expiresAt}; false for a replay. */
    Uni<Boolean> firstUse(long clientRowId, String jti, Instant expiresAt) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Claim(clientRowId, jti, expiresAt, Vertx.currentContext(), emitter));
            waiting.incrementAndGet();
            drain();
        });
    }

    /** Sends the queued claims: when no statement is in flight, or when enough wait to overlap one. */
    private void drain() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= MAX_IN_FLIGHT || (running > 0 && waiting.get() < OVERLAP_AT)) {
                return; // the statement that finishes next drains again
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Claim> batch = new ArrayList<>();
            Claim next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            waiting.addAndGet(-batch.size());
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            write(batch);
        }
    }

    private void write(List<Claim> batch) {
        // the same jti twice in one batch: the statement would insert it once and both would seem to win
        Set<String> seen = new HashSet<>();
        List<Claim> unique = new ArrayList<>(batch.size());
        List<Claim> replays = new ArrayList<>();
        for (Claim claim : batch) {
            (seen.add(claim.key()) ? unique : replays).add(claim);
        }
        replays.forEach(claim -> claim.complete(false));
        unique.sort(BY_KEY);
        Long[] clients = new Long[unique.size()];
        String[] jtis = new String[unique.size()];
        OffsetDateTime[] expiries = new OffsetDateTime[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            clients[i] = unique.get(i).clientRowId();
            jtis[i] = unique.get(i).jti();
            expiries[i] = OffsetDateTime.ofInstant(unique.get(i).expiresAt(), ZoneOffset.UTC);
        }
        pool.preparedQuery(insert)
                .execute(Tuple.of(clients, jtis, expiries))
                .subscribe()
                .with(
                        rows -> {
                            Set<String> won = new HashSet<>();
                            for (Row row : rows) {
                                won.add(row.getLong("client_row_id") + " " + row.getString("jti"));
                            }
                            inFlight.decrementAndGet();
                            unique.forEach(claim -> claim.complete(won.contains(claim.key())));
                            drain();
                        },
                        failure -> {
                            inFlight.decrementAndGet();
                            unique.forEach(claim -> claim.fail(failure));
                            drain();
                        });
    }

    /** Deletes the rows a minute past their expiry (the minute covers replicas' clocks that differ a little). */
    Uni<Void> prune() {
        return pool.preparedQuery(delete)
                .execute()
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.debugf("Pruned %d row(s) of %s", rows.rowCount(), table);
                    }
                })
                .replaceWithVoid();
    }
}
