package com.wallet.apiaccess.oauth;

import java.util.List;

/** The token endpoint helpers for tests of other packages. */
public final class TokenEndpointAccess {

    private TokenEndpointAccess() {}

    /** A new client: its OAuth client id and secret. */
    public static String[] newClient(List<String> roles) {
        TokenEndpoint.TestClient client = TokenEndpoint.newClient(roles);
        return new String[] {client.oauthClientId(), client.secret()};
    }

    public static int tokenStatus(String oauthClientId, String secret) {
        return TokenEndpoint.post(TokenEndpoint.form(
                        "grant_type", "client_credentials", "client_id", oauthClientId, "client_secret", secret))
                .statusCode();
    }
}
