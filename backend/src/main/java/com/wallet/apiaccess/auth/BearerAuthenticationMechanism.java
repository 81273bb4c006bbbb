package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.problem.InvalidToken;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Access tokens in the Authorization header, the only way into {@code /api}: RFC 6750 {@code Bearer}, or
 * RFC 9449 {@code DPoP} for a token bound to a key (its proof is {@link BearerIdentityProvider}'s to check).
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String DPOP = "DPoP ";
    /** {@link TokenCredential#getType()} of a token sent with the DPoP scheme. */
    static final String DPOP_TYPE = "dpop";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        boolean dpop = header.regionMatches(true, 0, DPOP, 0, DPOP.length());
        if (!dpop && !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom()
                    .failure(InvalidToken.because("The Authorization header must use the Bearer or DPoP scheme"));
        }
        String token = header.substring(dpop ? DPOP.length() : BEARER.length()).trim();
        if (token.isEmpty()) {
            return Uni.createFrom().failure(InvalidToken.because("The access token is empty"));
        }
        TokenAuthenticationRequest request =
                new TokenAuthenticationRequest(new TokenCredential(token, dpop ? DPOP_TYPE : "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"api-access\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
