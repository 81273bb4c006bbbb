package com.wallet.apiaccess.client;

import io.quarkus.panache.common.Sort;

import java.util.Optional;

/** The {@code sort} parameter of the client list: a field, with a leading '-' for descending. */
public record ClientSort(String field, boolean descending) {

    public static final ClientSort DEFAULT = new ClientSort("clientId", false);

    public static final String RULE = "must be clientId, expiryDate, createdAt or lastUsedAt, with a leading '-' for descending";

    /** The sort the parameter names; empty when it names none of ours. */
    public static Optional<ClientSort> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEFAULT);
        }
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        return switch (field) {
            case "clientId", "expiryDate", "createdAt", "lastUsedAt" -> Optional.of(new ClientSort(field, descending));
            default -> Optional.empty();
        };
    }

    Sort toPanacheSort() {
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        if (field.equals("clientId")) {
            return Sort.by("clientId", direction);
        }
        // never-used clients go last either way; clientId keeps pages stable among equals
        return Sort.by(field, direction, Sort.NullPrecedence.NULLS_LAST).and("clientId", Sort.Direction.Ascending);
    }
}
