package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One event's delivery to one endpoint. */
@Schema(requiredProperties = {"eventId", "type", "status", "attempts", "lastError", "lastAttemptAt"})
public record DeliveryView(
        String eventId,
        String type,

        @Schema(enumeration = {"pending", "delivered", "failed"})
        String status,

        int attempts,

        @Schema(nullable = true, description = "The status code or connection error of the last failed attempt")
        String lastError,

        @Schema(nullable = true) Instant lastAttemptAt) {}
