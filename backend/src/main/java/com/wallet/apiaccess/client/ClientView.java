package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An API client as the admin API shows it. Never carries a secret or its digest. */
@Schema(
        requiredProperties = {
            "clientId",
            "oauthClientId",
            "roles",
            "expiryDate",
            "expired",
            "notes",
            "createdAt",
            "updatedAt",
            "lastUsedAt",
            "enabled",
            "requireDpop",
            "status",
            "secrets",
            "keys"
        })
public record ClientView(
        String clientId,
        String oauthClientId,
        List<String> roles,
        LocalDate expiryDate,
        boolean expired,
        @Schema(nullable = true) String notes,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) Instant lastUsedAt,
        boolean enabled,

        @Schema(description = "Whether tokens are issued only with a DPoP proof and bound to its key (RFC 9449)")
        boolean requireDpop,

        ClientStatus status,

        @Schema(description = "The live secrets, oldest first")
        List<SecretView> secrets,

        @Schema(description = "The public keys for private_key_jwt, oldest first")
        List<KeyView> keys) {}
