package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** {@code expiryDate} absent means one year from today. */
@Schema(requiredProperties = {"clientId", "roles"})
public record CreateClientRequest(String clientId, LocalDate expiryDate, String notes, List<String> roles) {}
