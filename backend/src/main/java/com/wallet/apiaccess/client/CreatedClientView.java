package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer to a create: the client and, this once only, its secret. */
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
            "clientSecret"
        })
public record CreatedClientView(
        String clientId,
        String oauthClientId,
        List<String> roles,
        LocalDate expiryDate,
        boolean expired,
        @Schema(nullable = true) String notes,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) Instant lastUsedAt,
        String clientSecret) {

    static CreatedClientView of(ClientView view, String clientSecret) {
        return new CreatedClientView(
                view.clientId(),
                view.oauthClientId(),
                view.roles(),
                view.expiryDate(),
                view.expired(),
                view.notes(),
                view.createdAt(),
                view.updatedAt(),
                view.lastUsedAt(),
                clientSecret);
    }

    @Override
    public String toString() {
        return "CreatedClientView[clientId=" + clientId + ", clientSecret=***]";
    }
}
