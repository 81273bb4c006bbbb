package com.wallet.apiaccess.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/** The rows of {@code client_key}. Changes go through the client's lock ({@link ApiClientRepository#lockByClientId}). */
@ApplicationScoped
public class ClientKeyRepository implements PanacheRepositoryBase<ClientKey, Long> {

    private final Pool pool;

    public ClientKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** The client's keys, oldest first. */
    @WithSession
    Uni<List<ClientKey>> ofClient(long clientRowId) {
        return find("clientRowId = ?1 order by createdAt, id", clientRowId).list();
    }

    /** Marks when keys, and so their clients, last obtained a token, in one statement; never backwards. */
    Uni<Void> markLastUsed(List<Long> clientRowIds, List<Long> keyRowIds, List<OffsetDateTime> times) {
        return pool.preparedQuery("with marks as (select * from unnest($1::bigint[], $2::bigint[], $3::timestamptz[])"
                        + " as u(client_id, key_id, at)),"
                        + " keys as (update client_key k set last_used_at = m.at from marks m"
                        + " where k.id = m.key_id and (k.last_used_at is null or k.last_used_at < m.at))"
                        + " update api_client c set last_used_at = u.at"
                        + " from (select client_id, max(at) as at from marks group by client_id) as u"
                        + " where c.id = u.client_id and (c.last_used_at is null or c.last_used_at < u.at)")
                .execute(Tuple.of(
                        clientRowIds.toArray(new Long[0]),
                        keyRowIds.toArray(new Long[0]),
                        times.toArray(new OffsetDateTime[0])))
                .replaceWithVoid();
    }
}
