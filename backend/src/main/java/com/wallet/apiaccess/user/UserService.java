package com.wallet.apiaccess.user;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.crypto.PasswordWorker;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.RoleCatalogue;
import com.wallet.apiaccess.role.RoleSet;
import com.wallet.apiaccess.user.UserRules.NewUser;
import com.wallet.apiaccess.user.UserRules.UserChange;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The wallet's console users. Passwords are bcrypt-hashed on a worker before any transaction opens.
 * Acting on a user needs every role that user holds, and no change may leave the wallet without an
 * administrator ({@link Administrators}).
 */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final WalletUserRepository repository;
    private final RoleCatalogue catalogue;
    private final PasswordHasher hasher;
    private final PasswordWorker worker;
    private final AuditLog audit;

    public UserService(
            WalletUserRepository repository,
            RoleCatalogue catalogue,
            PasswordHasher hasher,
            PasswordWorker worker,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.catalogue = catalogue;
        this.hasher = hasher;
        this.worker = worker;
    }

    @WithSession
    public Uni<List<UserView>> list(Caller caller) {
        return repository
                .listByWallet(caller.walletId())
                .map(users -> users.stream().map(UserView::of).toList());
    }

    public Uni<UserView> create(Caller caller, CreateUserRequest request) {
        NewUser valid = UserRules.newUser(request, catalogue);
        caller.requireGrantable(valid.roles());
        return worker.run(() -> hasher.hash(valid.password()))
                .chain(hash -> insert(caller, valid.username(), hash, valid.roles()));
    }

    @WithTransaction
    Uni<UserView> insert(Caller caller, String username, String passwordHash, SortedSet<String> roles) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WalletUser user = new WalletUser();
        user.walletId = caller.walletId();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = roles;
        user.createdAt = now;
        user.updatedAt = now;
        return repository
                .findByUsername(caller.walletId(), username)
                .chain(existing -> {
                    if (existing != null) {
                        throw exists(username);
                    }
                    return repository.persist(user);
                })
                .onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> exists(username))
                .call(saved -> audit.record(AuditEntry.by(
                        caller,
                        now,
                        "user.created",
                        Target.user(username),
                        Changes.of().roles(List.of(), roles).json())))
                .map(saved -> {
                    LOG.infof(
                            "User %s created in wallet %s by %s with roles %s",
                            username, caller.walletKey(), caller.name(), RoleSet.join(roles));
                    return UserView.of(saved);
                });
    }

    public Uni<UserView> update(Caller caller, String username, UpdateUserRequest request) {
        UserChange valid = UserRules.change(request, catalogue);
        if (!UserRules.isValidUsername(username)) {
            throw notFound(username);
        }
        Uni<String> newHash = valid.password() == null
                ? Uni.createFrom().nullItem()
                : worker.run(() -> hasher.hash(valid.password()));
        return newHash.chain(hash -> change(caller, username, valid.roles(), hash));
    }

    @WithTransaction
    Uni<UserView> change(Caller caller, String username, SortedSet<String> roles, String passwordHash) {
        return repository.lockWallet(caller.walletId()).chain(users -> {
            Caller current = asOfNow(caller, users);
            WalletUser user = find(users, username);
            current.requireHoldsAllOf(user.roles, "change a user");
            SortedSet<String> added = new TreeSet<>(roles);
            added.removeAll(user.roles);
            current.requireGrantable(added);
            Administrators.requireOneLeft(users, user, roles);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            SortedSet<String> removed = new TreeSet<>(user.roles);
            removed.removeAll(roles);
            Changes changes = Changes.of().roles(user.roles, roles);
            if (passwordHash != null) {
                changes.fact("password", "reset");
            }
            user.roles = roles;
            user.updatedAt = now;
            if (passwordHash != null) {
                user.passwordHash = passwordHash;
                LOG.infof(
                        "Password of user %s in wallet %s reset by %s; the user's sessions are ended",
                        username, caller.walletKey(), caller.name());
            }
            if (!added.isEmpty() || !removed.isEmpty()) {
                LOG.infof(
                        "Roles of user %s in wallet %s changed by %s: added [%s], removed [%s]",
                        username, caller.walletKey(), caller.name(), RoleSet.join(added), RoleSet.join(removed));
            }
            return audit.record(AuditEntry.by(caller, now, "user.updated", Target.user(username), changes.json()))
                    .map(recorded -> UserView.of(user));
        });
    }

    public Uni<Void> delete(Caller caller, String username) {
        if (caller.isUser(username)) {
            throw ProblemException.conflict(
                    ProblemTypes.SELF_DELETE,
                    "Cannot delete yourself",
                    "You cannot delete the user you are signed in as");
        }
        if (!UserRules.isValidUsername(username)) {
            throw notFound(username);
        }
        return remove(caller, username);
    }

    @WithTransaction
    Uni<Void> remove(Caller caller, String username) {
        return repository.lockWallet(caller.walletId()).chain(users -> {
            WalletUser user = find(users, username);
            asOfNow(caller, users).requireHoldsAllOf(user.roles, "delete a user");
            Administrators.requireOneLeft(users, user, null);
            return repository
                    .delete(user)
                    .call(() -> audit.record(
                            AuditEntry.by(caller, Instant.now(), "user.deleted", Target.user(username), null)))
                    .invoke(() -> LOG.infof(
                            "User %s deleted from wallet %s by %s", username, caller.walletKey(), caller.name()));
        });
    }

    /**
     * A user's roles as the locked rows hold them: a change that committed after the bearer check (a
     * demotion racing this request) counts.
     */
    private static Caller asOfNow(Caller caller, List<WalletUser> users) {
        if (caller.isClient()) {
            return caller;
        }
        return users.stream()
                .filter(user -> user.username.equals(caller.name()))
                .findFirst()
                .map(self -> caller.narrowedTo(self.roles))
                .orElseGet(() -> caller.narrowedTo(List.of()));
    }

    private static WalletUser find(List<WalletUser> users, String username) {
        for (WalletUser user : users) {
            if (user.username.equals(username)) {
                return user;
            }
        }
        throw notFound(username);
    }

    private static ProblemException exists(String username) {
        return ProblemException.conflict(
                ProblemTypes.USER_EXISTS, "User exists", "A user '" + username + "' already exists in this wallet");
    }

    private static ProblemException notFound(String username) {
        return ProblemException.notFound("No user '" + Shown.value(username, 64) + "' in this wallet");
    }
}
