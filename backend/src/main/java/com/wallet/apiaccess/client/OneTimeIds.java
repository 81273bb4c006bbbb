package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
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
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replay protection shared by every replica: the {@code jti} of each accepted one-time JWT (a client
 * assertion, a DPoP proof) is a row of its table, per client, until it expires, and only the request that
 * inserts it wins. One statement is in flight at a time; the claims that arrive meanwhile go together in
 * the next one ({@code insert … select from unnest … on conflict do nothing returning}), so a burst costs
 * a few round trips, not one each. Rows past their expiry are pruned every minute.
 */
final class OneTimeIds {

    private static final Logger LOG = Logger.getLogger(OneTimeIds.class);
    static final int MAX_BATCH = 256;
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private record Claim(long clientRowId, String jti, Instant expiresAt, Context context, FirstUse outcome) {

        String key() {
            return clientRowId + " " + jti;
        }

        void complete(boolean first) {
            if (context != null) {
                context.runOnContext(v -> outcome.answered(first));
            } else {
                outcome.answered(first);
            }
        }

        void fail(Throwable failure) {
            if (context != null) {
                context.runOnContext(v -> outcome.failed(failure));
            } else {
                outcome.failed(failure);
            }
        }
    }

    private final Pool pool;
    private final String table;
    private final String insert;
    private final String delete;
    private final Queue<Claim> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

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
        return Uni.createFrom()
                .emitter(emitter -> claim(clientRowId, jti, expiresAt, new FirstUse() {
                    @Override
                    public void answered(boolean first) {
                        emitter.complete(first);
                    }

                    @Override
                    public void failed(Throwable failure) {
                        emitter.fail(failure);
                    }
                }));
    }

    /** {@link #firstUse} without Mutiny: the outcome is told on the calling Vert.x context. */
    void claim(long clientRowId, String jti, Instant expiresAt, FirstUse outcome) {
        queue.add(new Claim(clientRowId, jti, expiresAt, Vertx.currentContext(), outcome));
        drain();
    }

    private void drain() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Claim> batch = new ArrayList<>();
        Claim next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            drain();
            return;
        }
        // the same jti twice in one batch: the statement would insert it once and both would seem to win
        Set<String> seen = new HashSet<>();
        List<Claim> unique = new ArrayList<>(batch.size());
        List<Claim> replays = new ArrayList<>();
        for (Claim claim : batch) {
            (seen.add(claim.key()) ? unique : replays).add(claim);
        }
        replays.forEach(claim -> claim.complete(false));
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
                            writing.set(false);
                            unique.forEach(claim -> claim.complete(won.contains(claim.key())));
                            drain();
                        },
                        failure -> {
                            writing.set(false);
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
