package com.wallet.apiaccess.client;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Roles and notes change; {@code clientId} and {@code expiryDate} may be echoed but never differ. */
@Schema(requiredProperties = {"roles"})
public record UpdateClientRequest(String clientId, @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate expiryDate, String notes, List<String> roles) {
}
