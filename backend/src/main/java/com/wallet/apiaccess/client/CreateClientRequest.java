package com.wallet.apiaccess.client;

import java.time.LocalDate;
import java.util.List;

/** {@code expiryDate} absent means one year from today. */
public record CreateClientRequest(String clientId, LocalDate expiryDate, String notes, List<String> roles) {
}
