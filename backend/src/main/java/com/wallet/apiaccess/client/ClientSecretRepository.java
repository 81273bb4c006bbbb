package com.wallet.apiaccess.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** The rows of {@code client_secret}. Changes go through the client's lock ({@link ApiClientRepository#lockByClientId}). */
@ApplicationScoped
public class ClientSecretRepository implements PanacheRepositoryBase<ClientSecret, Long> {

    /** Every row of the client, oldest first, retired-by-date ones included (the sweep deletes those). */
    @WithSession
    Uni<List<ClientSecret>> ofClient(long clientRowId) {
        return find("clientRowId = ?1 order by createdAt, id", clientRowId).list();
    }

    /** The secret waiting behind a hand-off link, its row locked until the transaction ends. */
    @WithSession
    Uni<ClientSecret> lockByLinkDigest(String linkDigest) {
        return find("linkDigest", linkDigest)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
