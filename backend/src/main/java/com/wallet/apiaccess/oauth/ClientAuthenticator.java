package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.audit.FailedAttempts;
import com.wallet.apiaccess.client.ClientCache;
import com.wallet.apiaccess.client.ClientCache.CachedClient;
import com.wallet.apiaccess.client.ClientCache.CachedKey;
import com.wallet.apiaccess.client.ClientCache.CachedSecret;
import com.wallet.apiaccess.client.FirstUse;
import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.client.UsedAssertions;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.AssertionVerifier;
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
import java.util.Set;
import java.util.function.Consumer;

/**
 * Proves a client's secret (RFC 6749 §2.3.1) or its client assertion ({@code private_key_jwt}, RFC 7523
 * §2.2) for every endpoint a client calls. Failures count per
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
    private final AssertionVerifier verifier;
    private final UsedAssertions used;
    private final Set<String> audiences;

    public ClientAuthenticator(
            ClientCache cache,
            DatabaseHeartbeat database,
            SecretDigester digester,
            FailureThrottle throttle,
            FailedAttempts failures,
            AssertionVerifier verifier,
            UsedAssertions used,
            Endpoints endpoints) {
        this.failures = failures;
        this.verifier = verifier;
        this.used = used;
        this.audiences = Set.of(endpoints.issuer(), endpoints.tokenEndpoint());
        this.cache = cache;
        this.database = database;
        this.digester = digester;
        this.throttle = throttle;
    }

    /** A client whose secret or key was proven, and that secret or key (the other is null). */
    public record Authenticated(CachedClient client, CachedSecret secret, CachedKey key) {

        /** What the token names as its credential ({@code credential_ref}). */
        public String credentialRef() {
            return key != null ? key.credentialRef() : secret.credentialRef();
        }

        /** When the credential retires, or null: a key has no date. */
        public Instant retiresAt() {
            return key != null ? null : secret.retiresAt();
        }
    }

    /**
     * The client, once one of its live secrets is proven and it is enabled and has not expired; else the
     * OAuth error to answer. A disabled client is refused like an unknown one.
     */
    public Uni<Authenticated> authenticate(ClientCredentials credentials, String source) {
        OAuthClientId id;
        try {
            if (!database.isUp()) {
                throw OAuthError.unavailable();
            }
            id = admitted(idOf(credentials).orElseThrow(() -> refuse(source, "an id no client can have")), source);
        } catch (OAuthError refused) {
            return Uni.createFrom().failure(refused);
        }
        return cache.find(id).chain(found -> {
            CachedClient client = found.filter(CachedClient::enabled).orElse(null);
            Instant now = Instant.now();
            Uni<Authenticated> proof = credentials.byAssertion()
                    ? provenByKey(credentials.assertion(), client, now)
                    : Uni.createFrom().item(() -> bySecret(credentials.secret(), client, now));
            return proof.map(proven -> checked(proven, found.isPresent(), id, source, now));
        });
    }

    /**
     * {@link #authenticate}'s answer when it needs no wait: a secret of a client the cache knows (found or
     * known absent); else null. Throws the OAuth error that {@code authenticate} would fail with. The token
     * endpoint's every request but a client's first in a while goes this way, without Mutiny's per-operator
     * cost.
     */
    public Authenticated authenticatedNow(ClientCredentials credentials, String source) {
        Optional<OAuthClientId> parsed = credentials.byAssertion() ? Optional.empty() : idOf(credentials);
        if (parsed.isEmpty()) {
            return null;
        }
        OAuthClientId id = parsed.get();
        Optional<Optional<CachedClient>> known = cache.cached(id);
        if (known.isEmpty()) {
            return null;
        }
        admitted(id, source);
        Optional<CachedClient> found = known.get();
        Instant now = Instant.now();
        Authenticated proven = bySecret(
                credentials.secret(), found.filter(CachedClient::enabled).orElse(null), now);
        return checked(proven, found.isPresent(), id, source, now);
    }

    /** A client assertion checked up to its jti, which {@link #claim} claims; then the client is proven. */
    public interface PendingAssertion {
        /** Tells {@code done} the proven client once the jti is claimed, or {@code failed} why not (an OAuth error). */
        void claim(Consumer<Authenticated> done, Consumer<Throwable> failed);
    }

    /**
     * {@link #authenticate} for a client assertion whose only wait is its jti's claim: a client the cache
     * knows and a key verified on this thread. The signature and claims are checked now; throws the OAuth
     * error {@code authenticate} would fail with. Null, having done nothing, when the assertion needs the
     * general path.
     */
    public PendingAssertion assertedNow(ClientCredentials credentials, String source) {
        if (!credentials.byAssertion() || !verifier.verifiesInline("ES256")) {
            return null;
        }
        Optional<OAuthClientId> parsed = idOf(credentials);
        Optional<Optional<CachedClient>> known = parsed.flatMap(cache::cached);
        if (known.isEmpty()) {
            return null;
        }
        OAuthClientId id = parsed.get();
        CachedClient client = known.get().filter(CachedClient::enabled).orElse(null);
        AssertionVerifier.Parsed assertion = credentials.assertion();
        CachedKey key = client == null || assertion == null ? null : keyFor(assertion, client);
        if (key != null && !verifier.verifiesInline(key.alg())) {
            return null;
        }
        admitted(id, source);
        Instant now = Instant.now();
        ClientAssertionRules.Accepted accepted = key == null
                ? null
                : verifier.verifyNow(assertion, key.key())
                        ? ClientAssertionRules.check(
                                assertion.claims(), client.oauthClientId().value(), audiences, now)
                        : null;
        if (accepted == null) {
            if (key == null) {
                verifier.decoyNow();
            }
            checked(null, known.get().isPresent(), id, source, now); // throws: no proof
        }
        return (done, failed) -> used.claim(client.id(), accepted.jti(), accepted.expiresAt(), new FirstUse() {
            @Override
            public void answered(boolean first) {
                Authenticated proven;
                try {
                    proven = checked(first ? new Authenticated(client, null, key) : null, true, id, source, now);
                } catch (RuntimeException refused) {
                    failed.accept(refused);
                    return;
                }
                done.accept(proven);
            }

            @Override
            public void failed(Throwable failure) {
                failed.accept(failure);
            }
        });
    }

    /** The client and its secret, when the presented secret is one of its live ones; else (no client too) null. */
    private Authenticated bySecret(String presented, CachedClient client, Instant now) {
        CachedSecret secret = client == null ? null : proven(presented, client, now);
        return secret == null ? null : new Authenticated(client, secret, null);
    }

    /** The OAuth client id presented, unless it is one no client can have. */
    private static Optional<OAuthClientId> idOf(ClientCredentials credentials) {
        String presented = credentials.clientId();
        return presented.length() > FailureThrottle.MAX_IDENTIFIER ? Optional.empty() : OAuthClientId.parse(presented);
    }

    /** The id, once the database is up and the throttle lets it try; else throws. */
    private OAuthClientId admitted(OAuthClientId id, String source) {
        if (!database.isUp()) {
            throw OAuthError.unavailable();
        }
        String identifier = id.value();
        // Checked, not reserved: a client's concurrent first requests, looked up together, must not
        // count as failures; and against the cache the check and the count happen in one go.
        if (throttle.anyAtLimit()) {
            OptionalLong guessed = throttle.waitFor(throttle.pair(source, identifier), throttle.account(identifier));
            if (guessed.isPresent()) {
                throw OAuthError.throttled(guessed.getAsLong());
            }
            OptionalLong sourceOver = throttle.waitFor(throttle.source(source));
            if (sourceOver.isPresent() && cache.cached(id).isEmpty() && !throttle.allowLookup(source)) {
                throw OAuthError.throttled(sourceOver.getAsLong());
            }
        }
        return id;
    }

    /** The proven client, unless it expired; no proof is a failure, counted and answered alike whatever its cause. */
    private Authenticated checked(Authenticated proven, boolean exists, OAuthClientId id, String source, Instant now) {
        String identifier = id.value();
        if (proven == null) {
            failures.clientAuthFailed(id.walletKey(), exists ? id.clientId() : null, new Source(source, null), now);
            throttle.count(throttle.pair(source, identifier));
            throttle.count(throttle.account(identifier));
            throw refuse(source, identifier);
        }
        if (proven.client().expiry().isPassedAt(now)) {
            throw OAuthError.invalidClient("The client expired at the end of "
                    + proven.client().expiry() + " (UTC); ask the wallet's admins for a new one");
        }
        return proven;
    }

    /**
     * The client and its key, once the assertion is signed by one of its keys (the one its {@code kid}
     * names; with none, the client's only key) with that key's algorithm, its claims are right, and its
     * jti is used for the first time; else null. Without a key to try (or an assertion that could not be
     * read), a decoy is verified instead.
     */
    private Uni<Authenticated> provenByKey(AssertionVerifier.Parsed assertion, CachedClient client, Instant now) {
        CachedKey key = client == null || assertion == null ? null : keyFor(assertion, client);
        if (key == null) {
            return verifier.decoy().replaceWith((Authenticated) null);
        }
        return verifier.verify(assertion, key.key()).chain(signed -> {
            if (!signed) {
                return Uni.createFrom().nullItem();
            }
            ClientAssertionRules.Accepted accepted = ClientAssertionRules.check(
                    assertion.claims(), client.oauthClientId().value(), audiences, now);
            if (accepted == null) {
                return Uni.createFrom().nullItem();
            }
            return used.firstUse(client.id(), accepted.jti(), accepted.expiresAt())
                    .map(first -> first ? new Authenticated(client, null, key) : null);
        });
    }

    private static CachedKey keyFor(AssertionVerifier.Parsed assertion, CachedClient client) {
        if (assertion.kid() == null) {
            return client.keys().size() == 1 ? client.keys().get(0) : null;
        }
        for (CachedKey key : client.keys()) {
            if (key.kid().equals(assertion.kid())) {
                return key;
            }
        }
        return null;
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
