package com.wallet.apiaccess.wallet;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class WalletRepository implements PanacheRepositoryBase<Wallet, Long> {

    public Uni<Wallet> findByExternalKey(String externalKey) {
        return find("externalKey", externalKey).firstResult();
    }
}
