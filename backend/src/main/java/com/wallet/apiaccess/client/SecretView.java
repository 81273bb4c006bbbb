package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A secret as the admin API shows it: never the secret, only a hint. {@code linkExpiresAt} is set while
 * the secret waits for its hand-off link to be opened (it has no hint then: it does not exist yet).
 */
@Schema(requiredProperties = {"secretId", "hint", "createdAt", "lastUsedAt", "retiresAt", "linkExpiresAt"})
public record SecretView(
        String secretId,

        @Schema(
                nullable = true,
                description = "The prefix and the last 4 characters; null for a secret made before"
                        + " the current format, or one whose link was not opened yet")
        String hint,

        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,

        @Schema(nullable = true, description = "When it retires at the latest")
        Instant retiresAt,

        @Schema(nullable = true, description = "Until when its one-time link may be opened; null once it was")
        Instant linkExpiresAt) {

    static SecretView of(ClientSecret secret) {
        return new SecretView(
                secret.secretId,
                secret.hint,
                secret.createdAt,
                secret.lastUsedAt,
                secret.retiresAt,
                secret.digest == null ? secret.linkExpiresAt : null);
    }
}
