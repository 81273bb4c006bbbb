package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.auth.DpopProofs;
import com.wallet.apiaccess.client.ClientCache.CachedClient;
import com.wallet.apiaccess.client.CredentialPolicy;
import com.wallet.apiaccess.client.UsageRecorder;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.TokenFactory;
import com.wallet.apiaccess.oauth.ClientAuthenticator.Authenticated;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.RoleSet;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Client Credentials grant (RFC 6749 §4.4) as a pipeline of small checks, each of which either
 * passes or answers with its own OAuth error: parse the form strictly, authenticate the client,
 * check the grant type, settle the scope, check the DPoP proof if there is one, mint an RFC 9068 access token.
 */
@ApplicationScoped
public class TokenService {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final ClientAuthenticator authenticator;
    private final UsageRecorder usage;
    private final TokenFactory tokens;
    private final CredentialPolicy policy;
    private final DpopProofs proofs;
    private final String tokenEndpoint;

    public TokenService(
            ClientAuthenticator authenticator,
            UsageRecorder usage,
            TokenFactory tokens,
            CredentialPolicy policy,
            DpopProofs proofs,
            Endpoints endpoints) {
        this.authenticator = authenticator;
        this.usage = usage;
        this.tokens = tokens;
        this.policy = policy;
        this.proofs = proofs;
        this.tokenEndpoint = endpoints.tokenEndpoint();
    }

    /**
     * A token for the request, bound to the key of its DPoP proof ({@code dpop}, the header's value) when
     * it has one (RFC 9449 §5): then the proof must pass every check, whether or not the client requires it.
     */
    public Uni<IssuedToken> issue(String contentType, String authorization, String dpop, byte[] body, String source) {
        TokenForm form = parseForm(contentType, body);
        ClientCredentials credentials = ClientCredentials.from(authorization, form);
        if (dpop == null && tokens.signsInline()) {
            Authenticated proven = authenticator.authenticatedNow(credentials, source);
            if (proven != null) {
                return Uni.createFrom().item(issuedNow(form, proven));
            }
            // a client assertion of a cached client: checked now, then one wait for its jti's claim
            ClientAuthenticator.PendingAssertion pending = authenticator.assertedNow(credentials, source);
            if (pending != null) {
                return Uni.createFrom()
                        .emitter(emitter -> pending.claim(
                                asserted -> {
                                    IssuedToken token;
                                    try {
                                        token = issuedNow(form, asserted);
                                    } catch (RuntimeException refused) {
                                        emitter.fail(refused);
                                        return;
                                    }
                                    emitter.complete(token);
                                },
                                emitter::fail));
            }
        }
        return authenticator.authenticate(credentials, source).chain(proven -> {
            SortedSet<String> scope = grantable(form, proven, dpop);
            if (dpop == null) {
                return mint(proven, scope, null);
            }
            return proofs.verify(dpop, "POST", tokenEndpoint, null)
                    .call(proof -> proofs.requireFirstUse(proven.client().id(), proof))
                    .onFailure(DpopProofs.Invalid.class)
                    .transform(invalid -> OAuthError.invalidDpopProof(invalid.getMessage()))
                    .chain(proof -> mint(proven, scope, proof.jkt()));
        });
    }

    /**
     * The token of a client proven without waiting, signed at once (signing is inline): the same checks and
     * the same token as the general path, with none of its Mutiny operators, which cost each request of a
     * cached client more than the rest of its checks.
     */
    private IssuedToken issuedNow(TokenForm form, Authenticated proven) {
        TokenFactory.AccessGrant grant = used(proven, grantable(form, proven, null), null);
        return issued(tokens.accessTokenNow(grant), grant);
    }

    /** The scope the request gets, once its grant type is right and, when the client requires it, it has a proof. */
    private static SortedSet<String> grantable(TokenForm form, Authenticated proven, String dpop) {
        requireClientCredentialsGrant(form);
        SortedSet<String> scope = grantedScope(form.get("scope"), proven.client());
        if (dpop == null && proven.client().requireDpop()) {
            throw OAuthError.invalidDpopProof("This client must send a DPoP proof (RFC 9449) with each token request:"
                    + " its tokens are bound to the integrator's key");
        }
        return scope;
    }

    private void recordUse(Authenticated proven) {
        if (proven.key() != null) {
            usage.usedKey(proven.client().id(), proven.key().rowId());
        } else {
            usage.used(proven.client().id(), proven.secret().rowId());
        }
    }

    /** Any charset parameter is accepted: the grant's values are ASCII, and others must be UTF-8. */
    static TokenForm parseForm(String contentType, byte[] body) {
        if (contentType == null) {
            throw OAuthError.invalidRequest("The body must be " + FORM);
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (!mediaType.equalsIgnoreCase(FORM)) {
            throw OAuthError.invalidRequest("The body must be " + FORM);
        }
        return TokenForm.parse(body);
    }

    private static void requireClientCredentialsGrant(TokenForm form) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!grantType.equals("client_credentials")) {
            throw OAuthError.unsupportedGrantType("Only grant_type=client_credentials is supported");
        }
    }

    /** Absent means every role of the client; present, it must be a subset of them. */
    private static SortedSet<String> grantedScope(String requested, CachedClient client) {
        if (requested == null) {
            return client.roles();
        }
        SortedSet<String> scope = new TreeSet<>();
        for (String role : requested.split(" ")) {
            if (role.isEmpty()) {
                continue;
            }
            if (!client.roles().contains(role)) {
                throw OAuthError.invalidScope("The client does not hold the role '" + Shown.value(role, 40) + "'");
            }
            scope.add(role);
        }
        if (scope.isEmpty()) {
            throw OAuthError.invalidScope("scope must name at least one role");
        }
        return RoleSet.withImpliedReads(scope);
    }

    /**
     * A token that ends with its credential: the client's expiry or the secret's retirement, whichever is
     * sooner (a key has no retirement date).
     */
    private Uni<IssuedToken> mint(Authenticated proven, SortedSet<String> scope, String jkt) {
        TokenFactory.AccessGrant grant = used(proven, scope, jkt);
        return tokens.accessToken(grant).map(minted -> issued(minted, grant));
    }

    /** What the token is for, once the client's use of its credential is recorded. */
    private TokenFactory.AccessGrant used(Authenticated proven, SortedSet<String> scope, String jkt) {
        recordUse(proven);
        CachedClient client = proven.client();
        return new TokenFactory.AccessGrant(
                client.oauthClientId().value(),
                client.oauthClientId().walletKey(),
                proven.credentialRef(),
                scope,
                credentialEnd(proven),
                jkt);
    }

    private IssuedToken issued(TokenFactory.Minted minted, TokenFactory.AccessGrant grant) {
        Instant credentialEnd = grant.notAfter();
        return new IssuedToken(
                minted.token(),
                grant.jkt() == null ? IssuedToken.BEARER : IssuedToken.DPOP,
                minted.expiresIn(),
                RoleSet.join(grant.scope()),
                credentialEnd.getEpochSecond(),
                policy.isInWarningWindow(credentialEnd, Instant.now()));
    }

    static Instant credentialEnd(Authenticated proven) {
        Instant expiryEnd = proven.client().expiry().endsAt();
        Instant retiresAt = proven.retiresAt();
        return retiresAt != null && retiresAt.isBefore(expiryEnd) ? retiresAt : expiryEnd;
    }
}
