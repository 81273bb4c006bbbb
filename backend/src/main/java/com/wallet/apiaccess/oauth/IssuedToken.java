package com.wallet.apiaccess.oauth;

import io.vertx.core.json.JsonObject;

/**
 * The RFC 6749 §5.1 answer ({@code token_type} Bearer, or DPoP for a token bound to a DPoP key), with {@code credential_expires_at}: when the credential it was issued
 * for ends (epoch seconds), and whether that is inside the warning window (then a {@code Sunset} header says so).
 */
record IssuedToken(
        String accessToken,
        String tokenType,
        long expiresIn,
        String scope,
        long credentialExpiresAt,
        boolean sunsetSoon) {

    static final String BEARER = "Bearer";
    /** RFC 9449 §5: the type of a token bound to a DPoP key. */
    static final String DPOP = "DPoP";

    /**
     * The answer's JSON, written directly: a token is base64url and dots, a scope role names, so
     * neither needs escaping; should one ever hold a character JSON must escape, the general encoder
     * writes it.
     */
    String json() {
        if (!plain(accessToken) || !plain(scope)) {
            return new JsonObject()
                    .put("access_token", accessToken)
                    .put("token_type", tokenType)
                    .put("expires_in", expiresIn)
                    .put("scope", scope)
                    .put("credential_expires_at", credentialExpiresAt)
                    .encode();
        }
        return new StringBuilder(accessToken.length() + scope.length() + 128)
                .append("{\"access_token\":\"")
                .append(accessToken)
                .append("\",\"token_type\":\"")
                .append(tokenType)
                .append("\",\"expires_in\":")
                .append(expiresIn)
                .append(",\"scope\":\"")
                .append(scope)
                .append("\",\"credential_expires_at\":")
                .append(credentialExpiresAt)
                .append('}')
                .toString();
    }

    /** Printable ASCII other than the quote and the backslash: what a JSON string holds as it is. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "IssuedToken[accessToken=***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
