package com.wallet.apiaccess.session;

import com.wallet.apiaccess.audit.FailedAttempts;
import com.wallet.apiaccess.crypto.CredentialRef;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.crypto.PasswordWorker;
import com.wallet.apiaccess.crypto.TokenFactory;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.throttle.Attempt;
import com.wallet.apiaccess.throttle.FailureThrottle;
import com.wallet.apiaccess.throttle.SignInIdentifier;
import com.wallet.apiaccess.user.UserRules;
import com.wallet.apiaccess.user.WalletUser;
import com.wallet.apiaccess.user.WalletUserRepository;
import com.wallet.apiaccess.wallet.WalletDirectory;
import com.wallet.apiaccess.wallet.WalletKeyRule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Sign-in: a bcrypt check off the event loop, then a short-lived session token. A wrong wallet, user
 * or password answer alike, and take alike long. The attempt is reserved with the throttle before the
 * check, so that concurrent guesses cannot all slip under the limit.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final String WRONG = "Wrong wallet, username or password";

    private final WalletDirectory wallets;
    private final WalletUserRepository users;
    private final PasswordHasher hasher;
    private final PasswordWorker worker;
    private final TokenFactory tokens;
    private final FailureThrottle throttle;
    private final FailedAttempts failures;

    public SessionService(
            WalletDirectory wallets,
            WalletUserRepository users,
            PasswordHasher hasher,
            PasswordWorker worker,
            TokenFactory tokens,
            FailureThrottle throttle,
            FailedAttempts failures) {
        this.failures = failures;
        this.wallets = wallets;
        this.users = users;
        this.hasher = hasher;
        this.worker = worker;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public Uni<SessionView> signIn(SignInRequest request, Source from) {
        String source = from.ip();
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with wallet, username and password is required", null);
        }
        // Only a plausible wallet and username are counted by name: anything else could not name a user
        // and would only fill the throttle's memory.
        boolean plausible = WalletKeyRule.isValid(request.wallet()) && UserRules.isValidUsername(request.username());
        String identifier = plausible ? SignInIdentifier.of(request.wallet(), request.username()) : null;
        Attempt attempt = throttle.reserve(
                throttle.source(source),
                plausible ? throttle.pair(source, identifier) : null,
                plausible ? throttle.account(identifier) : null);
        if (attempt.refused()) {
            LOG.infof(
                    "Sign-in to wallet %s as %s from %s refused: too many failures",
                    Shown.value(request.wallet(), 32), Shown.value(request.username(), 64), source);
            throw ProblemException.tooManyRequests(
                    "Too many failed sign-ins; try again in " + attempt.retryAfterSeconds() + " seconds",
                    attempt.retryAfterSeconds());
        }
        String password = request.password() == null ? "" : request.password();
        Uni<WalletUser> lookup = !plausible
                ? Uni.createFrom().nullItem()
                : wallets.find(request.wallet())
                        .chain(wallet -> wallet == null
                                ? Uni.createFrom().nullItem()
                                : users.findByUsername(wallet.id(), request.username()));
        return lookup.chain(user -> worker.run(() -> hasher.matches(password, user == null ? null : user.passwordHash))
                        .chain(matches -> {
                            if (!matches) {
                                if (plausible) {
                                    failures.sessionFailed(
                                            request.wallet(), user == null ? null : user.username, from, Instant.now());
                                }
                                LOG.infof(
                                        "Failed sign-in to wallet %s as %s from %s",
                                        Shown.value(request.wallet(), 32), Shown.value(request.username(), 64), source);
                                throw ProblemException.unauthorized(WRONG, "Bearer realm=\"api-access\"");
                            }
                            attempt.succeeded();
                            return tokens.sessionToken(
                                            request.wallet(),
                                            user.username,
                                            CredentialRef.of(user.passwordHash),
                                            user.roles)
                                    .map(minted -> new SessionView(
                                            minted.token(),
                                            Instant.ofEpochSecond(minted.expiresAt()),
                                            new SessionView.SessionUser(user.username, List.copyOf(user.roles))));
                        }))
                .onFailure(failure -> !(failure instanceof ProblemException p && p.status() == 401))
                .invoke(attempt::succeeded);
    }
}
