package com.wallet.apiaccess.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The client id and secret a request presents, by HTTP Basic or in the form (RFC 6749 §2.3.1). */
public record ClientCredentials(String clientId, String secret) {

    private static final String BASIC = "Basic ";
    /** How a client authenticates at every endpoint of ours (RFC 8414's {@code *_auth_methods_supported}). */
    static final List<String> METHODS = List.of("client_secret_basic", "client_secret_post");

    /** Exactly one method, or an OAuth error that says what is wrong. */
    static ClientCredentials from(String authorization, TokenForm form) {
        ClientCredentials basic = authorization == null ? null : basic(authorization);
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        if (basic != null) {
            if (formSecret != null) {
                throw OAuthError.invalidRequest(
                        "Use one client authentication method: HTTP Basic or client_secret" + " in the body, not both");
            }
            if (formId != null && !formId.equals(basic.clientId())) {
                throw OAuthError.invalidRequest("The client_id in the body differs from the one in HTTP Basic");
            }
            return basic;
        }
        if (formId == null) {
            throw OAuthError.invalidClient("Client authentication is required: HTTP Basic (client_secret_basic)"
                    + " or client_id and client_secret in the body (client_secret_post)");
        }
        if (formSecret == null) {
            throw OAuthError.invalidClient("client_secret is required with client_id");
        }
        return new ClientCredentials(formId, formSecret);
    }

    private static ClientCredentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthError.invalidRequest("The Authorization header must use the Basic scheme");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder()
                    .decode(authorization.substring(BASIC.length()).trim());
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The Basic credentials are not valid base64");
        }
        String pair = TokenForm.utf8(decoded, decoded.length);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidRequest("The Basic credentials must be client_id:client_secret");
        }
        String id = formDecode(pair.substring(0, colon));
        String secret = formDecode(pair.substring(colon + 1));
        if (id.isEmpty() || secret.isEmpty()) {
            throw OAuthError.invalidClient("The Basic credentials must name a client_id and a client_secret");
        }
        return new ClientCredentials(id, secret);
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded before Basic encoding. */
    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The Basic credentials have a broken percent-encoding");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=***]";
    }
}
