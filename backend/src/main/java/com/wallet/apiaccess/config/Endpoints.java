package com.wallet.apiaccess.config;

import jakarta.enterprise.context.ApplicationScoped;

/** The public URLs of this service, all under {@code api-access.issuer}. */
@ApplicationScoped
public class Endpoints {

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String JWKS_PATH = "/oauth2/jwks";
    public static final String INTROSPECTION_PATH = "/oauth2/introspect";
    public static final String REVOCATION_PATH = "/oauth2/revoke";
    /** The console's page that opens a one-time secret link; the link's token goes in the fragment. */
    public static final String HANDOFF_PAGE = "/handoff";

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

    /**
     * A one-time secret link. The token is in the fragment, which browsers never send: it stays out of
     * access logs, proxies and {@code Referer} headers, and a link preview fetching the page burns nothing.
     */
    public String handoffLink(String token) {
        return issuer + HANDOFF_PAGE + "#" + token;
    }

    public String introspectionEndpoint() {
        return issuer + INTROSPECTION_PATH;
    }

    public String revocationEndpoint() {
        return issuer + REVOCATION_PATH;
    }

    public String jwksUri() {
        return issuer + JWKS_PATH;
    }
}
