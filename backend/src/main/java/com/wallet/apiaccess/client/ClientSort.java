package com.wallet.apiaccess.client;

import java.util.Optional;

/** The {@code sort} parameter of the client list: a field, with a leading '-' for descending. */
public record ClientSort(String field, boolean descending) {

    public static final ClientSort DEFAULT = new ClientSort("clientId", false);

    public static final String RULE =
            "must be clientId, expiryDate, createdAt, lastUsedAt or status, with a leading '-' for descending";

    /** The sort the parameter names; empty when it names none of ours. */
    public static Optional<ClientSort> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEFAULT);
        }
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        return switch (field) {
            case "clientId", "expiryDate", "createdAt", "lastUsedAt", "status" ->
                Optional.of(new ClientSort(field, descending));
            default -> Optional.empty();
        };
    }
}
