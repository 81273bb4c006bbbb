package com.wallet.apiaccess.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, Long> {

    public Uni<ApiClient> findByClientId(long walletId, String clientId) {
        return find("walletId = ?1 and clientId = ?2", walletId, clientId).firstResult();
    }

    /** The client an OAuth client id names, looked up by its wallet's external key. */
    public Uni<ApiClient> findByWalletKey(String walletKey, String clientId) {
        return find("select c from ApiClient c, Wallet w where w.id = c.walletId"
                + " and w.externalKey = ?1 and c.clientId = ?2", walletKey, clientId).firstResult();
    }
}
