package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An opened one-time secret link: the secret, this once, and where to use it. */
@Schema(requiredProperties = {"oauthClientId", "clientSecret", "walletName", "tokenEndpoint"})
public record OpenedHandoff(String oauthClientId, String clientSecret, String walletName, String tokenEndpoint) {

    @Override
    public String toString() {
        return "OpenedHandoff[oauthClientId=" + oauthClientId + ", clientSecret=***]";
    }
}
