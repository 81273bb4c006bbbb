package com.wallet.apiaccess.client;

import java.time.LocalDate;
import java.util.List;

/** Roles and notes change; {@code clientId} and {@code expiryDate} may be echoed but never differ. */
public record UpdateClientRequest(String clientId, LocalDate expiryDate, String notes, List<String> roles) {
}
