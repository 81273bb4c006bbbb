package com.wallet.apiaccess.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wallet.apiaccess.config.ApiAccessConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@code q} search of the admin list, answered from a {@link ClientSearchIndex} of the wallet kept in
 * memory. In PostgreSQL a search reads the trigram posting lists of every common word in the notes and
 * rechecks each match, ~4 ms at 100,000 clients; here it scans half a megabyte a millisecond. The page's
 * rows still come from PostgreSQL, in the same statement as the wallet's {@code clients_version}: when that
 * is not the index's (a client was added, removed or renamed, here or on another replica) the index is
 * read again and the search repeated, so an answer is always exact for one moment of the database.
 */
@ApplicationScoped
public class ClientSearch {

    private static final int ATTEMPTS = 3;
    private static final int STREAM_FETCH = 2_000;
    private static final String LOAD =
            "select w.clients_version, w.client_count, c.client_id, lower(coalesce(c.notes, '')),"
                    + " c.expiry_date, c.created_at from wallet w left join api_client c on c.wallet_id = w.id and w.client_count < $2"
                    + " where w.id = $1 order by c.client_id";
    private static final String PAGE = "select w.clients_version as version, " + ClientViews.columns("c.")
            + " from wallet w left join api_client c on c.wallet_id = w.id and c.client_id = any($2) where w.id = $1";

    private final Pool pool;
    private final ClientViews views;
    private final int capacity;
    private final Cache<Long, ClientSearchIndex> indexes;
    private final Cache<Long, Boolean> tooLarge;
    private final ConcurrentMap<Long, Uni<ClientSearchIndex>> loading = new ConcurrentHashMap<>();

    public ClientSearch(Pool pool, ApiAccessConfig config, ClientViews views) {
        this.pool = pool;
        this.views = views;
        this.capacity = config.search().indexedClients();
        this.indexes = Caffeine.newBuilder()
                .maximumWeight(Math.max(capacity, 1))
                .weigher((Long wallet, ClientSearchIndex index) -> index.size() + 1)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
        this.tooLarge =
                Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    /**
     * The page, or null when memory cannot answer (search PostgreSQL then): the order is lastUsedAt,
     * which changes too often to keep here, or status, which changes with the day, or the wallet is too
     * large for what memory takes.
     */
    Uni<ClientPage> page(long walletId, String prefix, String q, ClientSort sort, int page, int size) {
        if (capacity == 0 || sort.field().equals("lastUsedAt") || sort.field().equals("status")) {
            return Uni.createFrom().nullItem();
        }
        return attempt(walletId, prefix, q.toLowerCase(Locale.ROOT), sort, page, size, 1);
    }

    private Uni<ClientPage> attempt(
            long walletId, String prefix, String q, ClientSort sort, int page, int size, int attempt) {
        return index(walletId).chain(index -> {
            if (index == null) {
                return Uni.createFrom().nullItem();
            }
            int[] matches = index.matching(q);
            int[] records = index.page(matches, sort, (long) page * size, size);
            String[] clientIds = new String[records.length];
            for (int i = 0; i < records.length; i++) {
                clientIds[i] = index.clientId(records[i]);
            }
            Instant now = Instant.now();
            return pool.preparedQuery(PAGE)
                    .execute(Tuple.of(walletId, clientIds))
                    .chain(rows -> {
                        if (version(rows) == index.version()) {
                            return Uni.createFrom()
                                    .item(new ClientPage(
                                            inOrder(rows, clientIds, prefix, now), matches.length, page, size));
                        }
                        indexes.asMap().remove(walletId, index);
                        return attempt < ATTEMPTS
                                ? attempt(walletId, prefix, q, sort, page, size, attempt + 1)
                                : Uni.createFrom().nullItem();
                    });
        });
    }

    /** The wallet's index as of now or a moment ago; null when it has more clients than memory takes. */
    private Uni<ClientSearchIndex> index(long walletId) {
        ClientSearchIndex index = indexes.getIfPresent(walletId);
        if (index != null) {
            return Uni.createFrom().item(index);
        }
        if (tooLarge.getIfPresent(walletId) != null) {
            return Uni.createFrom().nullItem();
        }
        // One read of the wallet however many searches wait for it.
        return loading.computeIfAbsent(
                walletId,
                id -> load(id).onTermination()
                        .invoke(() -> loading.remove(id))
                        .memoize()
                        .indefinitely());
    }

    /** Streamed with a cursor, so that reading 100,000 clients never holds 100,000 rows at once. */
    private Uni<ClientSearchIndex> load(long walletId) {
        return pool.withTransaction(connection -> connection
                        .prepare(LOAD)
                        .chain(statement -> statement
                                .createStream(STREAM_FETCH, Tuple.of(walletId, capacity))
                                .toMulti()
                                .collect()
                                .in(() -> new Loaded(walletId), Loaded::add)
                                .eventually(() -> statement.close())))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // ranking 100,000 clients takes ~30 ms of CPU
                .map(Loaded::build);
    }

    /** What the cursor gave so far: nothing yet, a wallet too large, or an index being built. */
    private final class Loaded {
        private final long walletId;
        private ClientSearchIndex.Builder builder;
        private boolean large;

        Loaded(long walletId) {
            this.walletId = walletId;
        }

        void add(Row row) {
            if (builder == null && !large) {
                long clients = row.getLong(1);
                large = clients >= capacity;
                builder = large ? null : new ClientSearchIndex.Builder(row.getLong(0), (int) clients);
            }
            if (builder != null && row.getString(2) != null) {
                builder.add(
                        row.getString(2),
                        row.getString(3),
                        row.getLocalDate(4),
                        ChronoUnit.MICROS.between(
                                Instant.EPOCH, row.getOffsetDateTime(5).toInstant()));
            }
        }

        ClientSearchIndex build() {
            if (large) {
                tooLarge.put(walletId, Boolean.TRUE);
            }
            if (builder == null) {
                return null; // too large, or no such wallet
            }
            ClientSearchIndex index = builder.build();
            indexes.put(walletId, index);
            return index;
        }
    }

    /** The wallet's clients_version when the page was read; -1 when the wallet is gone. */
    private static long version(RowSet<Row> rows) {
        RowIterator<Row> first = rows.iterator();
        return first.hasNext() ? first.next().getLong("version") : -1;
    }

    private List<ClientView> inOrder(RowSet<Row> rows, String[] clientIds, String prefix, Instant now) {
        Map<String, ClientView> byId = new HashMap<>();
        for (Row row : rows) {
            if (row.getString("client_id") != null) {
                byId.put(row.getString("client_id"), views.of(row, prefix, now));
            }
        }
        List<ClientView> items = new ArrayList<>(clientIds.length);
        for (String clientId : clientIds) {
            ClientView item = byId.get(clientId);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }
}
