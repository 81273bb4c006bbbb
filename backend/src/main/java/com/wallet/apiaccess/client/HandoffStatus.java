package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What a one-time secret link's page shows before anyone opens it. */
@Schema(requiredProperties = {"state", "oauthClientId", "walletName", "tokenEndpoint", "expiresAt", "openedAt"})
public record HandoffStatus(
        State state,
        String oauthClientId,
        String walletName,
        String tokenEndpoint,
        Instant expiresAt,
        @Schema(nullable = true) Instant openedAt) {

    /** The API's words. */
    @SuppressWarnings("java:S115")
    public enum State {
        ready,
        used,
        expired
    }
}
