package com.wallet.apiaccess.config;

import com.wallet.apiaccess.oauth.TokenRoute;
import jakarta.enterprise.context.ApplicationScoped;

/** The public URLs of this service, all under {@code api-access.issuer}. */
@ApplicationScoped
public class Endpoints {

    private final String issuer;

    public Endpoints(ApiAccessConfig config) {
        String configured = config.issuer();
        this.issuer = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String issuer() {
        return issuer;
    }

    public String tokenEndpoint() {
        return issuer + TokenRoute.PATH;
    }

    public String jwksUri() {
        return issuer + "/oauth2/jwks";
    }
}
