package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.role.Caller;

import java.util.SortedSet;

/**
 * What a bearer token says once its signature, issuer, audience, type and lifetime have been checked.
 * {@code jti} is null when the token names none; {@code issuedAt} and {@code expiresAt} are epoch seconds.
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
        long expiresAt) {}
