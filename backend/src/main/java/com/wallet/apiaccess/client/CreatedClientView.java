package com.wallet.apiaccess.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a create: the client and, this once only, its secret; or, with {@code delivery: link},
 * the one-time link that will show it to the integrator instead; with {@code credential: key}, neither.
 */
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
        boolean enabled,
        boolean requireDpop,
        ClientStatus status,
        List<SecretView> secrets,
        List<KeyView> keys,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The secret; absent with delivery link or credential key")
        String clientSecret,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The one-time link; only with delivery link")
        String secretLink,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Until when the link may be opened")
        Instant secretLinkExpiresAt) {

    static CreatedClientView of(ClientView view, NewSecret secret) {
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
                view.enabled(),
                view.requireDpop(),
                view.status(),
                view.secrets(),
                view.keys(),
                secret == null ? null : secret.clientSecret(),
                secret == null ? null : secret.secretLink(),
                secret == null ? null : secret.secretLinkExpiresAt());
    }

    @Override
    public String toString() {
        return "CreatedClientView[clientId=" + clientId + ", clientSecret=***, secretLink=***]";
    }
}
