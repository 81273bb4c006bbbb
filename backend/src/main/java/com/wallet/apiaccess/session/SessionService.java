package com.wallet.apiaccess.session;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.keys.TokenSigner;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.role.RoleSet;
import com.wallet.apiaccess.security.CredentialRef;
import com.wallet.apiaccess.security.CryptoWorker;
import com.wallet.apiaccess.security.FailureThrottle;
import com.wallet.apiaccess.security.PasswordHasher;
import com.wallet.apiaccess.security.TokenClaims;
import com.wallet.apiaccess.token.Endpoints;
import com.wallet.apiaccess.user.UserRules;
import com.wallet.apiaccess.user.WalletUser;
import com.wallet.apiaccess.user.WalletUserRepository;
import com.wallet.apiaccess.wallet.WalletDirectory;
import com.wallet.apiaccess.wallet.WalletKeyRule;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Sign-in: a bcrypt check off the event loop, then a short-lived session JWT. A wrong wallet, user
 * or password answer alike, and take alike long.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final String WRONG = "Wrong wallet, username or password";

    private final ApiAccessConfig config;
    private final WalletDirectory wallets;
    private final WalletUserRepository users;
    private final PasswordHasher hasher;
    private final CryptoWorker worker;
    private final TokenSigner signer;
    private final FailureThrottle throttle;
    private final String issuer;

    public SessionService(ApiAccessConfig config, WalletDirectory wallets, WalletUserRepository users,
                          PasswordHasher hasher, CryptoWorker worker, TokenSigner signer, FailureThrottle throttle,
                          Endpoints endpoints) {
        this.config = config;
        this.wallets = wallets;
        this.users = users;
        this.hasher = hasher;
        this.worker = worker;
        this.signer = signer;
        this.throttle = throttle;
        this.issuer = endpoints.issuer();
    }

    public Uni<SessionView> signIn(SignInRequest request, String source) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with wallet, username and password is required", null);
        }
        String identifier = request.wallet() + "/" + request.username();
        OptionalLong wait = throttle.retryAfter(source, identifier);
        if (wait.isPresent()) {
            throw ProblemException.tooManyRequests("Too many failed sign-ins; try again in "
                    + wait.getAsLong() + " seconds", wait.getAsLong());
        }
        String password = request.password() == null ? "" : request.password();
        boolean plausible = WalletKeyRule.isValid(request.wallet()) && UserRules.isValidUsername(request.username());
        Uni<WalletUser> lookup = !plausible ? Uni.createFrom().nullItem()
                : wallets.find(request.wallet()).chain(wallet -> wallet == null
                        ? Uni.createFrom().nullItem()
                        : users.findByUsername(wallet.id(), request.username()));
        return lookup.chain(user -> worker.run(() -> {
            if (!hasher.matches(password, user == null ? null : user.passwordHash)) {
                return null;
            }
            return session(request.wallet(), user);
        })).map(session -> {
            if (session == null) {
                throttle.recordFailure(source, identifier);
                LOG.debugf("Failed sign-in to wallet %s from %s", request.wallet(), source);
                throw ProblemException.unauthorized(WRONG, "Bearer realm=\"api-access\"");
            }
            return session;
        });
    }

    private SessionView session(String walletKey, WalletUser user) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.session().lifetime());
        String token = signer.sign(Jwt.claims()
                .issuer(issuer)
                .subject(user.username)
                .audience(config.token().audience())
                .issuedAt(now.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .claim(TokenClaims.CLIENT_ID, TokenClaims.CONSOLE_CLIENT_ID)
                .claim(TokenClaims.TOKEN_USE, TokenClaims.SESSION)
                .claim(TokenClaims.CREDENTIAL_REF, CredentialRef.of(user.passwordHash))
                .claim(TokenClaims.WALLET, walletKey)
                .claim(TokenClaims.SCOPE, RoleSet.join(user.roles))
                .groups(user.roles), TokenClaims.ACCESS_TOKEN_TYPE);
        return new SessionView(token, Instant.ofEpochSecond(expiresAt.getEpochSecond()),
                new SessionView.SessionUser(user.username, List.copyOf(user.roles)));
    }
}
