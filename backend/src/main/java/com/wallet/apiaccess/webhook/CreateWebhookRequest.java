package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(requiredProperties = {"url", "events"})
public record CreateWebhookRequest(
        @Schema(description = "https, on a host that resolves only to public addresses")
        String url,

        @Schema(description = "Audit actions to receive, e.g. client.created, client.expiring")
        List<String> events) {}
