package com.wallet.apiaccess.client;

/** How a new client authenticates at first: with a secret made here, or with the public key it was created with. */
public enum Credential {
    secret,
    key
}
