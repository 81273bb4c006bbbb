package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** {@code expiryDate} absent means one year from today; {@code enabled} absent means enabled; {@code delivery} absent, secret. */
@Schema(requiredProperties = {"clientId", "roles"})
public record CreateClientRequest(
        String clientId,
        LocalDate expiryDate,
        String notes,
        List<String> roles,
        Boolean enabled,

        @Schema(description = "secret (default): the answer carries clientSecret; link: a one-time secretLink instead")
        Delivery delivery) {}
