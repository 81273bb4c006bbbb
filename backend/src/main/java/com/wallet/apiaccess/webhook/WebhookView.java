package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An endpoint as the admin API shows it; never with its secret. */
@Schema(requiredProperties = {"id", "url", "events", "enabled", "createdAt"})
public record WebhookView(String id, String url, List<String> events, boolean enabled, Instant createdAt) {}
