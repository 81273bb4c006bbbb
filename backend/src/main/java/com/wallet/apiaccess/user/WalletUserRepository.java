package com.wallet.apiaccess.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
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

    /**
     * Every user of the wallet, each row locked until the transaction ends, always in the same order:
     * changes that must see who else holds which roles (the lock-out rule) take turns.
     */
    public Uni<List<WalletUser>> lockWallet(long walletId) {
        return find("walletId = ?1 order by id", walletId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Sets a new password hash only while the old one is still the stored one; answers whether it did. */
    public Uni<Boolean> replacePassword(long userId, String oldHash, String newHash, Instant now) {
        return update("passwordHash = ?1, updatedAt = ?2, passwordChangedAt = ?2 where id = ?3 and passwordHash = ?4",
                newHash, now, userId, oldHash).map(count -> count == 1);
    }
}
