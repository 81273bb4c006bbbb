package com.wallet.apiaccess.user;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.crypto.PasswordWorker;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.throttle.Attempt;
import com.wallet.apiaccess.throttle.FailureThrottle;
import com.wallet.apiaccess.throttle.SignInIdentifier;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user changes their own password with the current one. A wrong current password counts against
 * the same limits as a failed sign-in; the new password ends every session issued before it.
 */
@ApplicationScoped
public class OwnPassword {

    private static final Logger LOG = Logger.getLogger(OwnPassword.class);

    private final WalletUserRepository repository;
    private final PasswordHasher hasher;
    private final PasswordWorker worker;
    private final FailureThrottle throttle;
    private final AuditLog audit;

    public OwnPassword(
            WalletUserRepository repository,
            PasswordHasher hasher,
            PasswordWorker worker,
            FailureThrottle throttle,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.hasher = hasher;
        this.worker = worker;
        this.throttle = throttle;
    }

    public Uni<Void> change(Caller caller, ChangePasswordRequest request, String source) {
        if (caller.isClient()) {
            throw ProblemException.insufficientRole(
                    "Only a user's session can change its password; an API client has none", "session");
        }
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with currentPassword and newPassword is required", null);
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            errors.add(new FieldError("currentPassword", "is required"));
        }
        UserRules.password(request.newPassword(), "newPassword", errors);
        ProblemException.throwIfInvalid(errors);
        String identifier = SignInIdentifier.of(caller.walletKey(), caller.name());
        Attempt attempt = throttle.reserve(
                throttle.source(source), throttle.pair(source, identifier), throttle.account(identifier));
        if (attempt.refused()) {
            throw ProblemException.tooManyRequests(
                    "Too many wrong passwords; try again in " + attempt.retryAfterSeconds() + " seconds",
                    attempt.retryAfterSeconds());
        }
        return stored(caller)
                .chain(user -> worker.run(
                                () -> hasher.matches(request.currentPassword(), user == null ? null : user.passwordHash)
                                        ? hasher.hash(request.newPassword())
                                        : null)
                        .chain(newHash -> {
                            if (newHash == null) {
                                LOG.infof(
                                        "Wrong current password for user %s of wallet %s from %s",
                                        caller.name(), caller.walletKey(), source);
                                // API.md: every 403 of /api carries the RFC 6750 challenge.
                                throw new ProblemException(
                                        403,
                                        ProblemTypes.WRONG_PASSWORD,
                                        "Wrong password",
                                        "The current password is not right",
                                        null,
                                        Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
                            }
                            attempt.succeeded();
                            return replace(caller, user, newHash);
                        }))
                .onFailure(failure -> !(failure instanceof ProblemException p && p.status() == 403))
                .invoke(attempt::succeeded)
                .invoke(() -> LOG.infof(
                        "User %s of wallet %s changed their own password from %s; earlier sessions" + " are ended",
                        caller.name(), caller.walletKey(), source));
    }

    @WithSession
    Uni<WalletUser> stored(Caller caller) {
        return repository.findByUsername(caller.walletId(), caller.name());
    }

    @WithTransaction
    Uni<Void> replace(Caller caller, WalletUser user, String newHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository
                .replacePassword(user.id, user.passwordHash, newHash, now)
                .chain(replaced -> {
                    if (!replaced) {
                        throw ProblemException.conflict(
                                ProblemTypes.PASSWORD_CHANGED,
                                "Password changed meanwhile",
                                "Your password was changed or your user removed while this request ran; sign in again");
                    }
                    return audit.record(
                            AuditEntry.by(caller, now, "user.password_changed", Target.user(caller.name()), null));
                });
    }
}
