package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.auth.ClientTokens;
import com.wallet.apiaccess.auth.ClientTokens.ActiveToken;
import com.wallet.apiaccess.auth.VerifiedToken;
import com.wallet.apiaccess.client.RevokedTokens;
import com.wallet.apiaccess.crypto.TokenClaims;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.RoleSet;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token introspection (RFC 7662) and revocation (RFC 7009) for the clients of a wallet. The caller
 * authenticates as at the token endpoint, with the same form parser, throttle and errors; a token is
 * active only for a caller of its own wallet, and only its own client may revoke it. Whether a token
 * is good is {@link ClientTokens}'s answer, the one {@code /api} gives too. A DPoP-bound token's answer has
 * {@code token_type} DPoP and its {@code cnf} (RFC 9449 §6.2): the resource server checks the proof.
 */
@ApplicationScoped
public class IntrospectionService {

    private static final JsonObject INACTIVE = new JsonObject().put("active", false);

    private final ClientAuthenticator authenticator;
    private final ClientTokens tokens;
    private final RevokedTokens revoked;

    public IntrospectionService(ClientAuthenticator authenticator, ClientTokens tokens, RevokedTokens revoked) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.revoked = revoked;
    }

    /** The RFC 7662 §2.2 answer: the token's claims when active, else {@code {"active": false}} alone. */
    public Uni<JsonObject> introspect(String contentType, String authorization, byte[] body, String source) {
        TokenForm form = TokenService.parseForm(contentType, body);
        return authenticated(authorization, form, source).chain(caller -> {
            String token = requireToken(form);
            return tokens.activeIn(caller.client().oauthClientId().walletKey(), token)
                    .map(this::answer)
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithItem(INACTIVE.copy());
        });
    }

    /**
     * Revokes the token when it is a live access token of the calling client itself; any other token,
     * known or not, is left alone with the same answer (RFC 7009 §2.2), so that nobody learns about tokens
     * that are not theirs.
     */
    public Uni<Void> revoke(String contentType, String authorization, byte[] body, String source) {
        TokenForm form = TokenService.parseForm(contentType, body);
        return authenticated(authorization, form, source).chain(caller -> {
            String token = requireToken(form);
            var id = caller.client().oauthClientId();
            return tokens.verified(token)
                    .chain(claims -> isOf(claims, id.walletKey(), id.clientId())
                            ? revoked.revoke(claims.jti(), id.walletKey(), id.clientId(), claims.expiresAt())
                            : Uni.createFrom().voidItem())
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithItem((Void) null);
        });
    }

    /** The calling client, authenticated as at the token endpoint. */
    private Uni<ClientAuthenticator.Authenticated> authenticated(String authorization, TokenForm form, String source) {
        return authenticator.authenticate(ClientCredentials.from(authorization, form), source);
    }

    private static boolean isOf(VerifiedToken claims, String walletKey, String clientId) {
        return claims.kind() == Caller.Kind.CLIENT
                && claims.jti() != null
                && claims.walletKey().equals(walletKey)
                && claims.clientId().equals(clientId);
    }

    /** The token; {@code token_type_hint} is only a hint (RFC 7009 §2.1): whatever it says, the token is looked at. */
    private static String requireToken(TokenForm form) {
        String token = form.get("token");
        if (token == null) {
            throw OAuthError.invalidRequest("token is required");
        }
        return token;
    }

    private JsonObject answer(ActiveToken active) {
        VerifiedToken claims = active.claims();
        JsonObject answer = new JsonObject()
                .put("active", true)
                .put("client_id", claims.subject())
                .put("sub", claims.subject())
                .put("scope", RoleSet.join(active.scope()))
                .put("exp", claims.expiresAt())
                .put("iat", claims.issuedAt())
                .put("iss", tokens.issuer())
                .put("aud", tokens.audience())
                .put("token_type", claims.dpopBound() ? IssuedToken.DPOP : IssuedToken.BEARER)
                .put("wallet", claims.walletKey());
        if (claims.dpopBound()) {
            answer.put(TokenClaims.CONFIRMATION, new JsonObject().put(TokenClaims.JWK_THUMBPRINT, claims.jkt()));
        }
        return answer;
    }
}
