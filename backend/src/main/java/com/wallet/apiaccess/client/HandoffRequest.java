package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token of a one-time secret link: what follows {@code #} in the link. */
@Schema(requiredProperties = {"token"})
public record HandoffRequest(String token) {

    @Override
    public String toString() {
        return "HandoffRequest[token=***]";
    }
}
