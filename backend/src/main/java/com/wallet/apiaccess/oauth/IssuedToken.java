package com.wallet.apiaccess.oauth;

/**
 * The RFC 6749 §5.1 answer, with {@code credential_expires_at}: when the credential it was issued
 * for ends (epoch seconds), and whether that is inside the warning window (then a {@code Sunset} header says so).
 */
record IssuedToken(String accessToken, long expiresIn, String scope, long credentialExpiresAt, boolean sunsetSoon) {

    @Override
    public String toString() {
        return "IssuedToken[accessToken=***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
