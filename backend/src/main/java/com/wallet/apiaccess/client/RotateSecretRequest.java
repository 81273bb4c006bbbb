package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A rotation: when the older secret retires at the latest (default 7 days, at most 30), and how the new one is delivered. */
public record RotateSecretRequest(
        @Schema(description = "When the older secret retires at the latest; at most 30 days ahead, default 7 days")
        Instant retireOldAt,

        @Schema(description = "secret (default): the answer carries clientSecret; link: a one-time secretLink instead")
        Delivery delivery) {}
