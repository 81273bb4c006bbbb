package com.wallet.apiaccess.role;

/** One row of the permissions grid. */
public record ResourceView(String id, String name, String description) {
}
