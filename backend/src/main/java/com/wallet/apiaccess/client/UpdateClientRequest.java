package com.wallet.apiaccess.client;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;
import java.util.List;

/** Roles and notes change; {@code clientId} and {@code expiryDate} may be echoed but never differ. */
public record UpdateClientRequest(String clientId, @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate expiryDate, String notes, List<String> roles) {
}
