package com.wallet.apiaccess.client;

import com.wallet.apiaccess.crypto.ClientPublicKey;
import com.wallet.apiaccess.role.RoleSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    /**
     * What the token endpoint needs of the client an OAuth client id names, with its secrets that exist
     * (one row each; one row without a secret when it has none), or null when there is no such client.
     */
    Uni<ClientCache.CachedClient> forTokens(OAuthClientId id) {
        return pool.preparedQuery("select c.id, c.roles, c.expiry_date, c.enabled, c.require_dpop,"
                        + " s.id as secret_row_id, s.digest, s.credential_ref, s.hint, s.retires_at,"
                        + " (select json_agg(json_build_object('id', k.id, 'kid', k.kid, 'alg', k.alg,"
                        + " 'ref', k.credential_ref, 'jwk', k.jwk) order by k.created_at, k.id)"
                        + " from client_key k where k.client_row_id = c.id) as keys"
                        + " from wallet w join api_client c on c.wallet_id = w.id"
                        + " left join client_secret s on s.client_row_id = c.id and s.digest is not null"
                        + " where w.external_key = $1 and c.client_id = $2 order by s.created_at, s.id")
                .execute(Tuple.of(id.walletKey(), id.clientId()))
                .map(rows -> {
                    Row first = null;
                    List<ClientCache.CachedSecret> secrets = new ArrayList<>(2);
                    for (Row row : rows) {
                        first = first == null ? row : first;
                        if (row.getLong("secret_row_id") != null) {
                            OffsetDateTime retiresAt = row.getOffsetDateTime("retires_at");
                            secrets.add(new ClientCache.CachedSecret(
                                    row.getLong("secret_row_id"),
                                    row.getString("digest"),
                                    row.getString("credential_ref"),
                                    row.getString("hint"),
                                    retiresAt == null ? null : retiresAt.toInstant()));
                        }
                    }
                    return first == null
                            ? null
                            : new ClientCache.CachedClient(
                                    first.getLong("id"),
                                    id,
                                    RoleSet.split(first.getString("roles")),
                                    new Expiry(first.getLocalDate("expiry_date")),
                                    first.getBoolean("enabled"),
                                    first.getBoolean("require_dpop"),
                                    secrets,
                                    keys(first.getValue("keys")),
                                    System.nanoTime());
                });
    }

    private static List<ClientCache.CachedKey> keys(Object json) {
        if (json == null) {
            return List.of();
        }
        JsonArray array = json instanceof JsonArray a ? a : new JsonArray(String.valueOf(json));
        List<ClientCache.CachedKey> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject key = array.getJsonObject(i);
            keys.add(new ClientCache.CachedKey(
                    key.getLong("id"),
                    key.getString("kid"),
                    key.getString("alg"),
                    key.getString("ref"),
                    ClientPublicKey.fromStored(key.getJsonObject("jwk").encode())));
        }
        return keys;
    }

    /**
     * What a bearer check needs of the client as it is now and of the secret or key its token names, or null
     * when the wallet has no such client.
     */
    public Uni<ClientCredential> credential(long walletId, String clientId, String credentialRef) {
        return pool.preparedQuery(
                        "select c.id, c.roles, c.expiry_date, c.enabled, c.require_dpop, s.id as secret_row_id,"
                                + " s.retires_at,"
                                + " exists (select 1 from client_key k where k.client_row_id = c.id and k.credential_ref = $3)"
                                + " as key_found"
                                + " from api_client c left join client_secret s"
                                + " on s.client_row_id = c.id and s.credential_ref = $3"
                                + " where c.wallet_id = $1 and c.client_id = $2")
                .execute(Tuple.of(walletId, clientId, credentialRef))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    OffsetDateTime retiresAt = row.getOffsetDateTime("retires_at");
                    return new ClientCredential(
                            row.getLong("id"),
                            RoleSet.split(row.getString("roles")),
                            new Expiry(row.getLocalDate("expiry_date")),
                            row.getBoolean("enabled"),
                            row.getBoolean("require_dpop"),
                            row.getLong("secret_row_id") != null,
                            retiresAt == null ? null : retiresAt.toInstant(),
                            row.getBoolean("key_found"));
                });
    }

    /**
     * Marks when secrets, and so their clients, last obtained a token, in one statement; an older mark
     * never overwrites a newer one.
     */
    Uni<Void> markLastUsed(List<Long> clientRowIds, List<Long> secretRowIds, List<OffsetDateTime> times) {
        return pool.preparedQuery("with marks as (select * from unnest($1::bigint[], $2::bigint[], $3::timestamptz[])"
                        + " as u(client_id, secret_id, at)),"
                        + " secrets as (update client_secret s set last_used_at = m.at from marks m"
                        + " where s.id = m.secret_id and (s.last_used_at is null or s.last_used_at < m.at))"
                        + " update api_client c set last_used_at = u.at"
                        + " from (select client_id, max(at) as at from marks group by client_id) as u"
                        + " where c.id = u.client_id and (c.last_used_at is null or c.last_used_at < u.at)")
                .execute(Tuple.of(
                        clientRowIds.toArray(new Long[0]),
                        secretRowIds.toArray(new Long[0]),
                        times.toArray(new OffsetDateTime[0])))
                .replaceWithVoid();
    }
}
