package com.wallet.apiaccess.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The endpoint's URL and events as they are to be; {@code enabled} absent leaves it as it is. */
@Schema(requiredProperties = {"url", "events"})
public record UpdateWebhookRequest(String url, List<String> events, Boolean enabled) {}
