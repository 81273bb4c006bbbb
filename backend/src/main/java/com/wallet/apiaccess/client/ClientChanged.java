package com.wallet.apiaccess.client;

/** A client was created, changed or deleted: what the token endpoint cached of it is stale. */
public record ClientChanged(String walletKey, String clientId) {}
