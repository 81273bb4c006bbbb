package com.wallet.apiaccess.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class WalletUserRepository implements PanacheRepositoryBase<WalletUser, Long> {

    public Uni<WalletUser> findByUsername(long walletId, String username) {
        return find("walletId = ?1 and username = ?2", walletId, username).firstResult();
    }

    public Uni<List<WalletUser>> listByWallet(long walletId) {
        return list("walletId", Sort.by("username"), walletId);
    }
}
