package com.wallet.apiaccess.client;

import com.wallet.apiaccess.role.RoleSet;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A page of the admin list in one SQL statement on the reactive client: the page, read in the order
 * of one of the sort indexes (V4), and its total, from the count kept beside the wallet (V3) or, for
 * a search, counted over the trigram matches (V2). The busiest screen of the console stays off
 * Hibernate's query machinery, which cost more CPU than the query itself. Searches go to
 * {@link ClientSearch} first; what it cannot answer (lastUsedAt order, a wallet too large to keep in
 * memory) is searched here.
 */
@ApplicationScoped
public class ClientListing {

    private static final String COLUMNS = "client_id, roles, expiry_date, notes, created_at, updated_at, last_used_at";

    private final Pool pool;
    private final ClientSearch search;

    public ClientListing(Pool pool, ClientSearch search) {
        this.pool = pool;
        this.search = search;
    }

    public Uni<ClientPage> page(long walletId, String walletKey, String q, ClientSort sort, int page, int size) {
        String prefix = OAuthClientId.prefix(walletKey);
        if (q == null) {
            return inDatabase(walletId, prefix, null, sort, page, size);
        }
        return search.page(walletId, prefix, q, sort, page, size)
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : inDatabase(walletId, prefix, q, sort, page, size));
    }

    Uni<ClientPage> inDatabase(long walletId, String prefix, String q, ClientSort sort, int page, int size) {
        long offset = (long) page * size;
        Uni<RowSet<Row>> rows = q == null
                ? pool.preparedQuery(everything(sort)).execute(Tuple.of(walletId, size, offset))
                : pool.preparedQuery(matching(sort)).execute(Tuple.of(walletId, size, offset, likePattern(q)));
        Instant now = Instant.now();
        return rows.map(found -> {
            long total = 0;
            List<ClientView> items = new ArrayList<>(found.size());
            for (Row row : found) {
                total = row.getLong("total");
                if (row.getString("client_id") != null) {
                    items.add(view(row, prefix, now));
                }
            }
            return new ClientPage(items, total, page, size);
        });
    }

    /** The wallet's row, joined to the page (none when the page is past the end): always one row at least. */
    private static String everything(ClientSort sort) {
        return "select w.client_count as total, c.* from wallet w left join lateral ("
                + "select " + COLUMNS + " from api_client where wallet_id = $1 order by " + orderBy(sort, "")
                + " limit $2 offset $3) c on true where w.id = $1 order by " + orderBy(sort, "c.");
    }

    /** Materialised, so that PostgreSQL finds the matches with the trigram indexes once, then counts and sorts them. */
    private static String matching(ClientSort sort) {
        return "with m as materialized (select " + COLUMNS + " from api_client where wallet_id = $1"
                + " and (lower(client_id) like $4 escape '\\' or lower(coalesce(notes, '')) like $4 escape '\\'))"
                + " select t.total, p.* from (select count(*) as total from m) t left join lateral ("
                + "select * from m order by " + orderBy(sort, "") + " limit $2 offset $3) p on true order by "
                + orderBy(sort, "p.");
    }

    /** Matches an index of V4 exactly, so that a page is read in index order; clientId breaks ties. */
    static String orderBy(ClientSort sort, String table) {
        String direction = sort.descending() ? " desc" : "";
        return switch (sort.field()) {
            case "clientId" -> table + "client_id" + direction;
            case "expiryDate" -> table + "expiry_date" + direction + ", " + table + "client_id";
            case "createdAt" -> table + "created_at" + direction + ", " + table + "client_id";
            case "lastUsedAt" -> table + "last_used_at" + direction + " nulls last, " + table + "client_id";
            default -> throw new IllegalArgumentException("No order for " + sort.field());
        };
    }

    static String likePattern(String q) {
        String escaped = q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static ClientView view(Row row, String prefix, Instant now) {
        String clientId = row.getString("client_id");
        LocalDate expiryDate = row.getLocalDate("expiry_date");
        return new ClientView(
                clientId,
                prefix + clientId,
                List.copyOf(RoleSet.split(row.getString("roles"))),
                expiryDate,
                new Expiry(expiryDate).isPassedAt(now),
                row.getString("notes"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "last_used_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
