package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Roles, notes and {@code enabled} change ({@code enabled} absent: unchanged); {@code clientId} and
 * {@code expiryDate} may be echoed but never differ.
 */
@Schema(requiredProperties = {"roles"})
public record UpdateClientRequest(
        String clientId, LocalDate expiryDate, String notes, List<String> roles, Boolean enabled) {}
