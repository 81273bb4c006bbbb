package com.wallet.apiaccess.client;

import com.wallet.apiaccess.role.RoleSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rows of {@code api_client}, by their unique key. The admin list's queries are
 * {@link ClientListing} and {@link ClientSearch}; nothing outside this package reads the table.
 * The two statements on every request (the bearer check, the last-use marks) run on the reactive
 * client, off the ORM and without a Hibernate session.
 */
@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, Long> {

    private final Pool pool;

    public ApiClientRepository(Pool pool) {
        this.pool = pool;
    }

    @WithSession
    public Uni<ApiClient> findByClientId(long walletId, String clientId) {
        return find("walletId = ?1 and clientId = ?2", walletId, clientId).firstResult();
    }

    /** The client, its row locked until the transaction ends. */
    @WithSession
    Uni<ApiClient> lockByClientId(long walletId, String clientId) {
        return find("walletId = ?1 and clientId = ?2", walletId, clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Whether there was such a client to delete. */
    @WithSession
    Uni<Boolean> deleteByClientId(long walletId, String clientId) {
        return delete("walletId = ?1 and clientId = ?2", walletId, clientId).map(count -> count > 0);
    }

    /** The client an OAuth client id names, looked up by its wallet's external key. */
    @WithSession
    Uni<ApiClient> findByOAuthClientId(OAuthClientId id) {
        return find(
                        "select c from ApiClient c, Wallet w where w.id = c.walletId"
                                + " and w.externalKey = ?1 and c.clientId = ?2",
                        id.walletKey(),
                        id.clientId())
                .firstResult();
    }

    /** What a bearer check needs of the client as it is now, or null when the wallet has no such client. */
    public Uni<ClientCredential> credential(long walletId, String clientId) {
        return pool.preparedQuery("select secret_digest, roles, expiry_date from api_client"
                        + " where wallet_id = $1 and client_id = $2")
                .execute(Tuple.of(walletId, clientId))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new ClientCredential(
                            row.getString(0), RoleSet.split(row.getString(1)), new Expiry(row.getLocalDate(2)));
                });
    }

    /** Marks when clients last obtained a token, in one statement; an older mark never overwrites a newer one. */
    Uni<Void> markLastUsed(List<Long> rowIds, List<OffsetDateTime> times) {
        return pool.preparedQuery("update api_client c set last_used_at = u.at"
                        + " from unnest($1::bigint[], $2::timestamptz[]) as u(id, at)"
                        + " where c.id = u.id and (c.last_used_at is null or c.last_used_at < u.at)")
                .execute(Tuple.of(rowIds.toArray(new Long[0]), times.toArray(new OffsetDateTime[0])))
                .replaceWithVoid();
    }
}
