package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A page of the admin list in one SQL statement on the reactive client: the page, read in the order
 * of one of the sort indexes (V4, V8), and its total, from the count kept beside the wallet (V3) or, for
 * a search or a filter, counted over the matches (V2). The busiest screen of the console stays off
 * Hibernate's query machinery, which cost more CPU than the query itself. Searches go to
 * {@link ClientSearch} first; what it cannot answer (lastUsedAt or status order, filters, a wallet too
 * large to keep in memory) is searched here.
 */
@ApplicationScoped
public class ClientListing {

    private final Pool pool;
    private final ClientSearch search;
    private final ClientViews views;
    private final CredentialPolicy policy;

    public ClientListing(Pool pool, ClientSearch search, ClientViews views, CredentialPolicy policy) {
        this.pool = pool;
        this.search = search;
        this.views = views;
        this.policy = policy;
    }

    public Uni<ClientPage> page(long walletId, String walletKey, ClientListQuery query) {
        String prefix = OAuthClientId.prefix(walletKey);
        String q = query.q();
        if (q == null || !query.filter().isEmpty()) {
            return inDatabase(walletId, prefix, q, query.filter(), query.sort(), query.page(), query.size());
        }
        return search.page(walletId, prefix, q, query.sort(), query.page(), query.size())
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : inDatabase(walletId, prefix, q, query.filter(), query.sort(), query.page(), query.size()));
    }

    Uni<ClientPage> inDatabase(
            long walletId, String prefix, String q, ClientFilter filter, ClientSort sort, int page, int size) {
        long offset = (long) page * size;
        Instant now = Instant.now();
        List<Object> values = new ArrayList<>(List.of(walletId, size, offset));
        String sql;
        if (q == null && filter.isEmpty()) {
            sql = everything(sort);
        } else {
            StringBuilder conditions = new StringBuilder();
            if (q != null) {
                values.add(likePattern(q));
                conditions.append(" and (lower(client_id) like $4 escape '\\' or lower(coalesce(notes, ''))"
                        + " like $4 escape '\\')");
            }
            conditions.append(
                    filter.conditions(now, LocalDate.ofInstant(now, ZoneOffset.UTC), policy.warnDays(), values));
            sql = matching(conditions.toString(), sort);
        }
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(found -> {
            long total = 0;
            List<ClientView> items = new ArrayList<>(found.size());
            for (Row row : found) {
                total = row.getLong("total");
                if (row.getString("client_id") != null) {
                    items.add(views.of(row, prefix, now));
                }
            }
            return new ClientPage(items, total, page, size);
        });
    }

    /** The wallet's row, joined to the page (none when the page is past the end): always one row at least. */
    private static String everything(ClientSort sort) {
        return "select w.client_count as total, c.* from wallet w left join lateral ("
                + "select " + ClientViews.columns("") + " from api_client where wallet_id = $1 order by "
                + orderBy(sort, "") + " limit $2 offset $3) c on true where w.id = $1 order by " + orderBy(sort, "c.");
    }

    /**
     * Materialised, so that PostgreSQL finds the matches once (with the trigram indexes for a search),
     * then counts and sorts them; the secrets are read for the page's rows only.
     */
    private static String matching(String conditions, ClientSort sort) {
        return "with m as materialized (select id, client_id, roles, expiry_date, notes, created_at, updated_at,"
                + " last_used_at, enabled, require_dpop from api_client where wallet_id = $1" + conditions + ")"
                + " select t.total, p.* from (select count(*) as total from m) t left join lateral ("
                + "select " + ClientViews.columns("m.") + " from m order by " + orderBy(sort, "m.")
                + " limit $2 offset $3) p on true order by " + orderBy(sort, "p.");
    }

    /** Matches an index of V4 or V8 exactly, so that a page is read in index order; clientId breaks ties. */
    static String orderBy(ClientSort sort, String table) {
        String direction = sort.descending() ? " desc" : "";
        return switch (sort.field()) {
            case "clientId" -> table + "client_id" + direction;
            case "expiryDate" -> table + "expiry_date" + direction + ", " + table + "client_id";
            case "createdAt" -> table + "created_at" + direction + ", " + table + "client_id";
            case "lastUsedAt" -> table + "last_used_at" + direction + " nulls last, " + table + "client_id";
            case "status" ->
                sort.descending()
                        ? table + "enabled, " + table + "expiry_date, " + table + "client_id desc"
                        : table + "enabled desc, " + table + "expiry_date desc, " + table + "client_id";
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
}
