package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.audit.FailedAttempts;
import com.wallet.apiaccess.client.ClientCache;
import com.wallet.apiaccess.client.ClientCache.CachedClient;
import com.wallet.apiaccess.client.ClientCache.CachedSecret;
import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.crypto.SecretDigester;
import com.wallet.apiaccess.crypto.SecretFormat;
import com.wallet.apiaccess.database.DatabaseHeartbeat;
import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.throttle.FailureThrottle;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Proves a client's secret (RFC 6749 §2.3.1) for every endpoint a client calls. Failures count per
 * (source, client id) and per client id (right secret included past the limit), and per source. A
 * source past its own limit, such as one guessing ever-new ids, is answered 429 for every failure and
 * its clients are looked up from the cache (the database only at a trickle), but a client from the
 * same address that proves its secret still gets through: addresses are shared (NAT, proxies).
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class);
    /** The digest of no secret, compared against when the id is unknown, so that both take the same time. */
    private static final String DECOY_DIGEST = "sha256$47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

    private final ClientCache cache;
    private final DatabaseHeartbeat database;
    private final SecretDigester digester;
    private final FailureThrottle throttle;
    private final FailedAttempts failures;

    public ClientAuthenticator(
            ClientCache cache,
            DatabaseHeartbeat database,
            SecretDigester digester,
            FailureThrottle throttle,
            FailedAttempts failures) {
        this.failures = failures;
        this.cache = cache;
        this.database = database;
        this.digester = digester;
        this.throttle = throttle;
    }

    /** A client whose secret was proven, and that secret. */
    public record Authenticated(CachedClient client, CachedSecret secret) {}

    /**
     * The client, once one of its live secrets is proven and it is enabled and has not expired; else the
     * OAuth error to answer. A disabled client is refused like an unknown one.
     */
    public Uni<Authenticated> authenticate(ClientCredentials credentials, String source) {
        if (!database.isUp()) {
            return Uni.createFrom().failure(OAuthError.unavailable());
        }
        String presented = credentials.clientId();
        Optional<OAuthClientId> id =
                presented.length() > FailureThrottle.MAX_IDENTIFIER ? Optional.empty() : OAuthClientId.parse(presented);
        if (id.isEmpty()) {
            return Uni.createFrom().failure(refuse(source, "an id no client can have"));
        }
        String identifier = id.get().value();
        // Checked, not reserved: a client's concurrent first requests, looked up together, must not
        // count as failures; and against the cache the check and the count happen in one go.
        if (throttle.anyAtLimit()) {
            OptionalLong guessed = throttle.waitFor(throttle.pair(source, identifier), throttle.account(identifier));
            if (guessed.isPresent()) {
                return Uni.createFrom().failure(OAuthError.throttled(guessed.getAsLong()));
            }
            OptionalLong sourceOver = throttle.waitFor(throttle.source(source));
            if (sourceOver.isPresent() && cache.cached(id.get()).isEmpty() && !throttle.allowLookup(source)) {
                return Uni.createFrom().failure(OAuthError.throttled(sourceOver.getAsLong()));
            }
        }
        return cache.find(id.get()).map(found -> {
            CachedClient client = found.filter(CachedClient::enabled).orElse(null);
            Instant now = Instant.now();
            CachedSecret proven = client == null ? null : proven(credentials.secret(), client, now);
            if (proven == null) {
                failures.clientAuthFailed(
                        id.get().walletKey(),
                        found.isPresent() ? id.get().clientId() : null,
                        new Source(source, null),
                        now);
                throttle.count(throttle.pair(source, identifier));
                throttle.count(throttle.account(identifier));
                throw refuse(source, identifier);
            }
            if (client.expiry().isPassedAt(now)) {
                throw OAuthError.invalidClient("The client expired at the end of " + client.expiry()
                        + " (UTC); ask the wallet's admins for a new one");
            }
            return new Authenticated(client, proven);
        });
    }

    /**
     * The live secret the presented one is, or null. Only a secret whose hint fits is digested (while a
     * client rotates it has two), and when none fits a decoy is, so that every answer costs one digest.
     */
    private CachedSecret proven(String presented, CachedClient client, Instant now) {
        boolean digested = false;
        for (CachedSecret secret : client.secrets()) {
            if (!secret.isRetiredAt(now) && SecretFormat.mayMatch(presented, secret.hint())) {
                digested = true;
                if (digester.matches(presented, secret.digest())) {
                    return secret;
                }
            }
        }
        if (!digested) {
            digester.matches(presented, DECOY_DIGEST);
        }
        return null;
    }

    /** A failed authentication: 401, or 429 once the source is past its limit (then no longer logged one by one). */
    private OAuthError refuse(String source, String clientId) {
        FailureThrottle.Limit bySource = throttle.source(source);
        OptionalLong wait = throttle.waitFor(bySource);
        int failures = throttle.count(bySource);
        if (wait.isPresent()) {
            return OAuthError.throttled(wait.getAsLong());
        }
        if (failures == bySource.max()) {
            LOG.infof(
                    "Client authentication failed for %s from %s; that source reached its limit of %d failures"
                            + " and gets 429 for further failures in this window",
                    clientId, source, failures);
        } else {
            LOG.infof("Client authentication failed for %s from %s", clientId, source);
        }
        return OAuthError.authenticationFailed();
    }
}
