package com.wallet.apiaccess.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.wallet.apiaccess.client.ClientCache;
import com.wallet.apiaccess.client.ClientCache.CachedClient;
import com.wallet.apiaccess.client.ClientChangeFeed;
import com.wallet.apiaccess.client.ClientCredential;
import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.client.RevokedTokens;
import com.wallet.apiaccess.crypto.CryptoProvider;
import com.wallet.apiaccess.crypto.CryptoWorker;
import com.wallet.apiaccess.problem.InvalidToken;
import com.wallet.apiaccess.role.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What makes a client's access token good beyond its signature, in one place for {@code /api}'s bearer
 * check and for introspection: not revoked, and its client exists, is enabled, has not expired and still
 * has the secret or key the token was issued for. {@code /api} reads the client's row; introspection, which
 * resource servers call on every request, reads the client cache and the in-memory denylist, both kept
 * current by the change feed, and asks the database instead while the feed is not listening.
 */
@ApplicationScoped
public class ClientTokens {

    /** Tokens verified once need no second signature check: their claims cannot change. */
    private static final Duration VERIFIED_TTL = Duration.ofMinutes(5);

    private final AccessTokenVerifier verifier;
    private final RevokedTokens revoked;
    private final ClientChangeFeed feed;
    private final ClientCache clients;
    private final CryptoProvider crypto;
    private final CryptoWorker worker;
    /** By the SHA-256 of the token's text: some 400 bytes an entry rather than the token's 700 more. */
    private final Cache<ByteBuffer, VerifiedToken> verified;

    public ClientTokens(
            AccessTokenVerifier verifier,
            RevokedTokens revoked,
            ClientChangeFeed feed,
            ClientCache clients,
            CryptoProvider crypto,
            CryptoWorker worker) {
        this.verifier = verifier;
        this.revoked = revoked;
        this.feed = feed;
        this.clients = clients;
        this.crypto = crypto;
        this.worker = worker;
        this.verified = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(VERIFIED_TTL)
                .build();
    }

    /**
     * The rule both checks apply to the client as it is now. A client that requires DPoP has only bound
     * tokens good: one it obtained before that was set is refused from then on.
     */
    static void requireLive(ClientCredential client, VerifiedToken token, Instant now) {
        if (client == null) {
            throw InvalidToken.because("The token's client no longer exists");
        }
        if (!client.credentialLiveAt(now)) {
            throw InvalidToken.because("The secret or key the token was issued for has been retired or removed");
        }
        if (!client.enabled()) {
            throw InvalidToken.because("The token's client is disabled");
        }
        if (client.expiry().isPassedAt(now)) {
            throw InvalidToken.because("The token's client has expired");
        }
        if (client.requireDpop() && !token.dpopBound()) {
            throw InvalidToken.because(
                    "The token's client requires DPoP: obtain a new token with a DPoP proof and send it as Authorization: DPoP");
        }
    }

    /** Fails with {@link InvalidToken} when the token was revoked, here or on any replica. */
    Uni<Void> requireNotRevoked(VerifiedToken token) {
        if (feed.listening() && revoked.complete()) {
            return revoked.isRevoked(token.jti())
                    ? Uni.createFrom().failure(revokedToken())
                    : Uni.createFrom().voidItem();
        }
        return revoked.isRevokedInDatabase(token.jti()).map(found -> {
            if (found) {
                throw revokedToken();
            }
            return null;
        });
    }

    /**
     * The client access token, verified (once: see {@link #VERIFIED_TTL}), when it is active for a caller
     * of the wallet {@code walletKey}; else fails with {@link InvalidToken}. A console session, a token of
     * another wallet, an expired, revoked or no longer backed one is not active.
     */
    public Uni<ActiveToken> activeIn(String walletKey, String token) {
        return verified(token).chain(claims -> {
            if (claims.kind() != Caller.Kind.CLIENT || !claims.walletKey().equals(walletKey)) {
                return Uni.createFrom().failure(InvalidToken.because("The token is not one of this wallet's clients"));
            }
            if (Instant.now().getEpochSecond() >= claims.expiresAt()) {
                return Uni.createFrom().failure(InvalidToken.because("The token has expired"));
            }
            OAuthClientId id = new OAuthClientId(walletKey, claims.clientId());
            Uni<Optional<CachedClient>> client = feed.listening() ? clients.find(id) : clients.fresh(id);
            return requireNotRevoked(claims).chain(() -> client).map(found -> {
                ClientCredential now =
                        found.map(c -> c.credential(claims.credentialRef())).orElse(null);
                requireLive(now, claims, Instant.now());
                return new ActiveToken(claims, BearerIdentityProvider.inForce(claims.roles(), now.roles()));
            });
        });
    }

    /** An active token and the roles in force: those it names that its client still holds, as {@code /api} has it. */
    public record ActiveToken(VerifiedToken claims, SortedSet<String> scope) {}

    /** The issuer and audience an active token names (the verifier accepts no other). */
    public String issuer() {
        return verifier.issuer();
    }

    public String audience() {
        return verifier.accessAudience();
    }

    /** Verified and remembered; a signature on the JDK's provider is checked on the crypto worker. */
    public Uni<VerifiedToken> verified(String token) {
        ByteBuffer key = digest(token);
        VerifiedToken known = verified.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Uni<VerifiedToken> checked = crypto.signsInline()
                ? Uni.createFrom().item(() -> verifier.verify(token))
                : worker.run(() -> verifier.verify(token));
        return checked.invoke(claims -> verified.put(key, claims));
    }

    /** UTF-8, which maps no two texts to the same bytes: a token differing by one character is another key. */
    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static AuthenticationFailedException revokedToken() {
        return InvalidToken.because("The token was revoked");
    }
}
