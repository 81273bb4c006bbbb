package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An API client as the admin API shows it. Never carries the secret or its digest. */
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
            "lastUsedAt"
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
        @Schema(nullable = true) Instant lastUsedAt) {

    static ClientView of(ApiClient client, String walletKey, Instant now) {
        return new ClientView(
                client.clientId,
                OAuthClientId.prefix(walletKey) + client.clientId,
                List.copyOf(client.roles),
                client.expiryDate,
                client.expiry().isPassedAt(now),
                client.notes,
                client.createdAt,
                client.updatedAt,
                client.lastUsedAt);
    }
}
