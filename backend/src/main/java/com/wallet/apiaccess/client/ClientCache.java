package com.wallet.apiaccess.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.crypto.ClientPublicKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients the token endpoint looked up, so that a token costs no database round trip. A change
 * made through this instance ({@link ClientChanged}) drops the entry at once, and a lookup that raced
 * with a change is not kept, so revocation stays immediate here; other replicas may lag by the TTL.
 * Unknown ids are remembered briefly too, so that guessing costs no query either. A client in use is
 * read again in the background once half its TTL has passed, so that it never drops out of the cache
 * while it keeps obtaining tokens (a source being throttled gets its clients from the cache alone).
 */
@ApplicationScoped
public class ClientCache {

    private static final Duration ABSENT_TTL = Duration.ofSeconds(5);

    /** What a token needs of a client; never its secrets, only their digests; its public keys. */
    public record CachedClient(
            long id,
            OAuthClientId oauthClientId,
            SortedSet<String> roles,
            Expiry expiry,
            boolean enabled,
            boolean requireDpop,
            List<CachedSecret> secrets,
            List<CachedKey> keys,
            long loadedAtNanos) {

        public CachedClient {
            roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
            secrets = List.copyOf(secrets);
            keys = List.copyOf(keys);
        }

        /** What a bearer check needs of this client for a token issued with the secret {@code credentialRef} names. */
        public ClientCredential credential(String credentialRef) {
            for (CachedSecret secret : secrets) {
                if (secret.credentialRef().equals(credentialRef)) {
                    return new ClientCredential(
                            id, roles, expiry, enabled, requireDpop, true, secret.retiresAt(), false);
                }
            }
            for (CachedKey key : keys) {
                if (key.credentialRef().equals(credentialRef)) {
                    return new ClientCredential(id, roles, expiry, enabled, requireDpop, false, null, true);
                }
            }
            return new ClientCredential(id, roles, expiry, enabled, requireDpop, false, null, false);
        }
    }

    /** One public key of the client for private_key_jwt, read once when the client is loaded. */
    public record CachedKey(long rowId, String kid, String alg, String credentialRef, ClientPublicKey key) {}

    /** One secret that exists (its link, if it had one, was opened); {@code retiresAt} null when it has no date. */
    public record CachedSecret(long rowId, String digest, String credentialRef, String hint, Instant retiresAt) {

        public boolean isRetiredAt(Instant now) {
            return retiresAt != null && !retiresAt.isAfter(now);
        }
    }

    private final ApiClientRepository clients;
    private final Cache<OAuthClientId, CachedClient> found;
    private final Cache<OAuthClientId, Boolean> absent;
    private final AtomicLong changes = new AtomicLong();
    private final Set<OAuthClientId> refreshing = ConcurrentHashMap.newKeySet();
    private final long refreshAfterNanos;

    public ClientCache(ApiClientRepository clients, ApiAccessConfig config) {
        this.clients = clients;
        this.refreshAfterNanos = config.token().clientCacheTtl().toNanos() / 2;
        // About 1 KB an entry: 40,000 clients active within the TTL fit beside the search index in the 96 MB
        // heap make run gives it; beyond that the least used are looked up again, one indexed query each.
        this.found = Caffeine.newBuilder()
                .maximumSize(40_000)
                .expireAfterWrite(config.token().clientCacheTtl())
                .build();
        this.absent = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(ABSENT_TTL)
                .build();
    }

    /** The client, or empty when none has this id. */
    public Uni<Optional<CachedClient>> find(OAuthClientId id) {
        return cached(id).map(Uni.createFrom()::item).orElseGet(() -> load(id));
    }

    /** What the cache knows of the id without asking the database: a client, none, or (empty) nothing. */
    public Optional<Optional<CachedClient>> cached(OAuthClientId id) {
        CachedClient cached = found.getIfPresent(id);
        if (cached != null) {
            if (System.nanoTime() - cached.loadedAtNanos() > refreshAfterNanos && refreshing.add(id)) {
                load(id).subscribe().with(reloaded -> refreshing.remove(id), failure -> refreshing.remove(id));
            }
            return Optional.of(Optional.of(cached));
        }
        if (absent.getIfPresent(id) != null) {
            return Optional.of(Optional.empty());
        }
        return Optional.empty();
    }

    /** The client as the database has it now (and cached so), or empty when none has this id. */
    public Uni<Optional<CachedClient>> fresh(OAuthClientId id) {
        return load(id);
    }

    private Uni<Optional<CachedClient>> load(OAuthClientId id) {
        long before = changes.get();
        return clients.forTokens(id).map(client -> {
            Optional<CachedClient> result = Optional.ofNullable(client);
            if (changes.get() == before) {
                result.ifPresentOrElse(c -> found.put(id, c), () -> {
                    found.invalidate(id);
                    absent.put(id, Boolean.TRUE);
                });
            }
            return result;
        });
    }

    /** How many changes were heard so far, here and from other replicas. */
    public long changes() {
        return changes.get();
    }

    void onChange(@Observes ClientChanged change) {
        forget(new OAuthClientId(change.walletKey(), change.clientId()));
    }

    /**
     * Drops one client, after a change here or on another replica; one that was in use is read again
     * at once, so that it stays in the cache for a throttled source it shares an address with.
     */
    void forget(OAuthClientId id) {
        changes.incrementAndGet();
        CachedClient was = found.asMap().remove(id);
        absent.invalidate(id);
        if (was != null && refreshing.add(id)) {
            load(id).subscribe().with(reloaded -> refreshing.remove(id), failure -> refreshing.remove(id));
        }
    }

    /** Drops everything: changes may have been missed while the change feed was down. */
    void forgetAll() {
        changes.incrementAndGet();
        found.invalidateAll();
        absent.invalidateAll();
    }
}
