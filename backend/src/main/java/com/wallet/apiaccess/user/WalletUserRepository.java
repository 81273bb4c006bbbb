package com.wallet.apiaccess.user;

import com.wallet.apiaccess.role.RoleSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

/** The rows of {@code wallet_user}; the bearer check's read runs on the reactive client, off the ORM. */
@ApplicationScoped
public class WalletUserRepository implements PanacheRepositoryBase<WalletUser, Long> {

    private final Pool pool;

    public WalletUserRepository(Pool pool) {
        this.pool = pool;
    }

    @WithSession
    public Uni<WalletUser> findByUsername(long walletId, String username) {
        return find("walletId = ?1 and username = ?2", walletId, username).firstResult();
    }

    @WithSession
    public Uni<List<WalletUser>> listByWallet(long walletId) {
        return list("walletId", Sort.by("username"), walletId);
    }

    /**
     * Every user of the wallet, each row locked until the transaction ends, always in the same order:
     * changes that must see who else holds which roles (the lock-out rule) take turns.
     */
    @WithSession
    public Uni<List<WalletUser>> lockWallet(long walletId) {
        return find("walletId = ?1 order by id", walletId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** What a bearer check needs of the user as it is now, or null when the wallet has no such user. */
    public Uni<UserCredential> credential(long walletId, String username) {
        return pool.preparedQuery("select password_hash, roles from wallet_user where wallet_id = $1 and username = $2")
                .execute(Tuple.of(walletId, username))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new UserCredential(row.getString(0), RoleSet.split(row.getString(1)));
                });
    }

    /** Sets a new password hash only while the old one is still the stored one; answers whether it did. */
    @WithSession
    public Uni<Boolean> replacePassword(long userId, String oldHash, String newHash, Instant now) {
        return update(
                        "passwordHash = ?1, updatedAt = ?2 where id = ?3 and passwordHash = ?4",
                        newHash,
                        now,
                        userId,
                        oldHash)
                .map(count -> count == 1);
    }
}
