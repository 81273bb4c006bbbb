package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.config.Endpoints;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place that mints tokens: clients' access tokens (RFC 9068, {@code aud} the wallet API's) and
 * the console's session tokens ({@code aud} {@code api-access.session.audience}, {@code token_use}
 * session). A session's {@code sub} is {@code user:{wallet}:{username}}: a colon stands in no OAuth
 * client id, so no user ever shares a subject with a client, nor with a user of another wallet.
 * Created at start ({@link Startup}), so that audiences that would let a session pass for an access token
 * stop the service there, not at its first sign-in.
 */
@Startup
@ApplicationScoped
public class TokenFactory {

    static final String USER_SUBJECT = "user:";

    /** A signed token and the instants it names. */
    public record Minted(String token, long issuedAt, long expiresAt) {

        public long expiresIn() {
            return expiresAt - issuedAt;
        }

        @Override
        public String toString() {
            return "Minted[token=***, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final ApiAccessConfig config;
    private final TokenSigner signer;
    private final CryptoProvider crypto;
    private final CryptoWorker worker;
    private final String issuer;

    public TokenFactory(
            ApiAccessConfig config,
            TokenSigner signer,
            CryptoProvider crypto,
            CryptoWorker worker,
            Endpoints endpoints) {
        if (config.session().audience().equals(config.token().audience())) {
            throw new IllegalStateException("api-access.session.audience must differ from api-access.token.audience ("
                    + config.token().audience() + "): a console session must not be a wallet API access token");
        }
        this.config = config;
        this.signer = signer;
        this.crypto = crypto;
        this.worker = worker;
        this.issuer = endpoints.issuer();
    }

    /**
     * What a client's access token is for: the client, the credential it proved, its scope, the instant it
     * ends at the latest, and the thumbprint of the DPoP key it is bound to (null: a bearer token).
     */
    public record AccessGrant(
            String oauthClientId,
            String walletKey,
            String credentialRef,
            SortedSet<String> scope,
            Instant notAfter,
            String jkt) {}

    /** A client's access token for the wallet API. */
    public Uni<Minted> accessToken(AccessGrant grant) {
        Draft draft = accessClaims(grant);
        return sign(draft.claims(), draft.issuedAt(), draft.expiresAt());
    }

    /** Whether a token is signed on the calling thread (AWS-LC), so that {@link #accessTokenNow} may be used. */
    public boolean signsInline() {
        return crypto.signsInline();
    }

    /** {@link #accessToken}'s token signed at once, on this thread: only where {@link #signsInline()}. */
    public Minted accessTokenNow(AccessGrant grant) {
        if (!crypto.signsInline()) {
            throw new IllegalStateException("Tokens are signed on the crypto worker here, not inline");
        }
        Draft draft = accessClaims(grant);
        return new Minted(
                signer.sign(draft.claims(), TokenClaims.ACCESS_TOKEN_TYPE), draft.issuedAt(), draft.expiresAt());
    }

    /** A token's claims before they are signed, and the instants they name. */
    private record Draft(ClaimsJson claims, long issuedAt, long expiresAt) {}

    private Draft accessClaims(AccessGrant grant) {
        long issuedAt = Instant.now().getEpochSecond();
        long expiresAt = Math.min(
                issuedAt + config.token().lifetime().toSeconds(),
                grant.notAfter().getEpochSecond());
        ClaimsJson claims = new ClaimsJson()
                .string("iss", issuer)
                .string("sub", grant.oauthClientId())
                .string("aud", config.token().audience())
                .number("iat", issuedAt)
                .number("exp", expiresAt)
                .string("jti", UUID.randomUUID().toString())
                .string(TokenClaims.CLIENT_ID, grant.oauthClientId())
                .string(TokenClaims.CREDENTIAL_REF, grant.credentialRef())
                .string(TokenClaims.SCOPE, String.join(" ", grant.scope()))
                .strings(TokenClaims.GROUPS, grant.scope())
                .string(TokenClaims.WALLET, grant.walletKey());
        if (grant.jkt() != null) {
            claims.object(TokenClaims.CONFIRMATION, TokenClaims.JWK_THUMBPRINT, grant.jkt());
        }
        return new Draft(claims, issuedAt, expiresAt);
    }

    /** A user's session token for this admin API alone. */
    public Uni<Minted> sessionToken(String walletKey, String username, String credentialRef, SortedSet<String> roles) {
        long issuedAt = Instant.now().getEpochSecond();
        long expiresAt = issuedAt + config.session().lifetime().toSeconds();
        ClaimsJson claims = new ClaimsJson()
                .string("iss", issuer)
                .string("sub", sessionSubject(walletKey, username))
                .string("aud", config.session().audience())
                .number("iat", issuedAt)
                .number("exp", expiresAt)
                .string("jti", UUID.randomUUID().toString())
                .string(TokenClaims.CLIENT_ID, TokenClaims.CONSOLE_CLIENT_ID)
                .string(TokenClaims.TOKEN_USE, TokenClaims.SESSION)
                .string(TokenClaims.CREDENTIAL_REF, credentialRef)
                .string(TokenClaims.SCOPE, String.join(" ", roles))
                .strings(TokenClaims.GROUPS, roles)
                .string(TokenClaims.WALLET, walletKey);
        return sign(claims, issuedAt, expiresAt);
    }

    public static String sessionSubject(String walletKey, String username) {
        return USER_SUBJECT + walletKey + ':' + username;
    }

    /** The username of a session's subject in that wallet, or null when the subject is not one. */
    public static String usernameOf(String subject, String walletKey) {
        String prefix = USER_SUBJECT + walletKey + ':';
        return subject != null && subject.startsWith(prefix) ? subject.substring(prefix.length()) : null;
    }

    private Uni<Minted> sign(ClaimsJson claims, long issuedAt, long expiresAt) {
        Supplier<Minted> signed =
                () -> new Minted(signer.sign(claims, TokenClaims.ACCESS_TOKEN_TYPE), issuedAt, expiresAt);
        return crypto.signsInline() ? Uni.createFrom().item(signed) : worker.run(signed);
    }
}
