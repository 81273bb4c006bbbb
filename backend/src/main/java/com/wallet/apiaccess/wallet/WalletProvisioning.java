package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.audit.Actor;
import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.role.RoleCatalogue;
import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.user.WalletUser;
import com.wallet.apiaccess.user.WalletUserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;

/** Creates wallets and their first admin, who holds every role of the catalogue. */
@ApplicationScoped
public class WalletProvisioning {

    private final WalletRepository wallets;
    private final WalletUserRepository users;
    private final RoleCatalogue catalogue;
    private final AuditLog audit;

    public WalletProvisioning(
            WalletRepository wallets, WalletUserRepository users, RoleCatalogue catalogue, AuditLog audit) {
        this.audit = audit;
        this.wallets = wallets;
        this.users = users;
        this.catalogue = catalogue;
    }

    /** A new wallet with its admin; 409 when the key is taken. */
    @WithTransaction
    public Uni<WalletRef> create(
            String externalKey, String name, String adminUsername, String adminPasswordHash, Source source) {
        return wallets.findByExternalKey(externalKey)
                .chain(existing -> {
                    if (existing != null) {
                        throw exists(externalKey);
                    }
                    return wallets.persist(wallet(externalKey, name));
                })
                .onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> exists(externalKey))
                .call(wallet -> users.persist(admin(wallet.id, adminUsername, adminPasswordHash)))
                .call(wallet -> audit.record(created(wallet, adminUsername, Actor.operator("platform"), source)))
                .map(WalletRef::of);
    }

    /** Whether the wallet exists with this admin, so a start need not hash a password it will not store. */
    @WithSession
    public Uni<Boolean> adminExists(String externalKey, String adminUsername) {
        return wallets.findByExternalKey(externalKey)
                .chain(wallet -> wallet == null
                        ? Uni.createFrom().item(false)
                        : users.findByUsername(wallet.id, adminUsername).map(user -> user != null));
    }

    /** The wallet and admin of the bootstrap settings: created when missing, left alone when present. */
    @WithTransaction
    public Uni<Boolean> ensure(String externalKey, String name, String adminUsername, String adminPasswordHash) {
        return wallets.findByExternalKey(externalKey)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : wallets.persist(wallet(externalKey, name))
                                .call(wallet -> audit.record(
                                        created(wallet, adminUsername, Actor.operator("bootstrap"), Source.NONE))))
                .chain(wallet -> users.findByUsername(wallet.id, adminUsername)
                        .chain(user -> user != null
                                ? Uni.createFrom().item(false)
                                : users.persist(admin(wallet.id, adminUsername, adminPasswordHash))
                                        .replaceWith(true)));
    }

    private static AuditEntry created(Wallet wallet, String adminUsername, Actor actor, Source source) {
        return new AuditEntry(
                wallet.id,
                wallet.createdAt,
                "wallet.created",
                actor,
                Target.wallet(wallet.externalKey),
                Changes.of()
                        .fact("name", wallet.name)
                        .fact("adminUsername", adminUsername)
                        .json(),
                source);
    }

    private static Wallet wallet(String externalKey, String name) {
        Wallet wallet = new Wallet();
        wallet.externalKey = externalKey;
        wallet.name = name;
        wallet.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return wallet;
    }

    private WalletUser admin(long walletId, String username, String passwordHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WalletUser user = new WalletUser();
        user.walletId = walletId;
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = new TreeSet<>(catalogue.roles());
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    private static ProblemException exists(String externalKey) {
        return ProblemException.conflict(
                ProblemTypes.WALLET_EXISTS,
                "Wallet exists",
                "A wallet with the key '" + externalKey + "' already exists");
    }
}
