package com.wallet.apiaccess.config;

import jakarta.enterprise.context.ApplicationScoped;

/** The public URLs of this service, all under {@code api-access.issuer}. */
@ApplicationScoped
public class Endpoints {

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String JWKS_PATH = "/oauth2/jwks";

    private final String issuer;

    public Endpoints(ApiAccessConfig config) {
        String configured = config.issuer();
        this.issuer = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String issuer() {
        return issuer;
    }

    public String tokenEndpoint() {
        return issuer + TOKEN_PATH;
    }

    public String jwksUri() {
        return issuer + JWKS_PATH;
    }
}
