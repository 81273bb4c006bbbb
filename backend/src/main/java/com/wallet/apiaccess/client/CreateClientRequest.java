package com.wallet.apiaccess.client;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;
import java.util.List;

/** {@code expiryDate} absent means one year from today. */
public record CreateClientRequest(String clientId, @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate expiryDate, String notes, List<String> roles) {
}
