package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The answer to adding a key: its thumbprint, which the integrator puts in the assertions' {@code kid}. */
@Schema(requiredProperties = {"kid", "alg", "createdAt"})
public record NewKey(
        @Schema(description = "The RFC 7638 JWK thumbprint (SHA-256, base64url)")
        String kid,

        @Schema(enumeration = {"ES256", "ES384", "RS256", "EdDSA"})
        String alg,

        Instant createdAt) {}
