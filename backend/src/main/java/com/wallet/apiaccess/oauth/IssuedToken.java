package com.wallet.apiaccess.oauth;

/** The RFC 6749 §5.1 answer. */
record IssuedToken(String accessToken, long expiresIn, String scope) {

    @Override
    public String toString() {
        return "IssuedToken[accessToken=***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
