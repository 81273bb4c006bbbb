package com.wallet.apiaccess.client;

/** How a new secret reaches the integrator: in the answer, or through a one-time link. The API's words. */
@SuppressWarnings("java:S115")
public enum Delivery {
    secret,
    link
}
