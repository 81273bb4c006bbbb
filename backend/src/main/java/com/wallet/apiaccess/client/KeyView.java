package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A client's public key as the admin API shows it: its thumbprint and algorithm, never the key itself. */
@Schema(requiredProperties = {"kid", "alg", "createdAt", "lastUsedAt"})
public record KeyView(
        @Schema(description = "The RFC 7638 JWK thumbprint (SHA-256, base64url)")
        String kid,

        @Schema(enumeration = {"ES256", "ES384", "RS256", "EdDSA"})
        String alg,

        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt) {

    static KeyView of(ClientKey key) {
        return new KeyView(key.kid, key.alg, key.createdAt, key.lastUsedAt);
    }
}
