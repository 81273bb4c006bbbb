package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer to a create: the endpoint and, this once only, its signing secret. */
@Schema(requiredProperties = {"id", "url", "events", "enabled", "createdAt", "secret"})
public record CreatedWebhookView(
        String id,
        String url,
        List<String> events,
        boolean enabled,
        Instant createdAt,

        @Schema(description = "whsec_ and the base64 of the HMAC key; shown this once only")
        String secret) {}
