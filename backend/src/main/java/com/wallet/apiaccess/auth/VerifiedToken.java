package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.role.Caller;

import java.util.SortedSet;

/**
 * What a bearer token says once its signature, issuer, audience, type and lifetime have been checked.
 * {@code jti} is null when the token names none; {@code issuedAt} and {@code expiresAt} are epoch seconds;
 * {@code jkt} is the thumbprint of the DPoP key in its {@code cnf}, null when it has none.
 */
public record VerifiedToken(
        Caller.Kind kind,
        String walletKey,
        String subject,
        String clientId,
        SortedSet<String> roles,
        String credentialRef,
        String jti,
        long issuedAt,
        long expiresAt,
        String jkt) {

    /** Whether the token is bound to a DPoP key (RFC 9449 §6): then only a proof by that key makes it good. */
    public boolean dpopBound() {
        return jkt != null;
    }
}
