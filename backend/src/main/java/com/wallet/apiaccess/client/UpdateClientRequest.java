package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Roles, notes, {@code enabled} and {@code requireDpop} change ({@code enabled} or {@code requireDpop} absent:
 * unchanged); {@code clientId} and {@code expiryDate} may be echoed but never differ.
 */
@Schema(requiredProperties = {"roles"})
public record UpdateClientRequest(
        String clientId,
        LocalDate expiryDate,
        String notes,
        List<String> roles,
        Boolean enabled,

        @Schema(
                description =
                        "Tokens are issued only with a DPoP proof and bound to its key (RFC 9449); absent: unchanged")
        Boolean requireDpop) {}
