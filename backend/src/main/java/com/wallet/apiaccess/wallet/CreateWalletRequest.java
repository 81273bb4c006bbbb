package com.wallet.apiaccess.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(requiredProperties = {"externalKey", "name", "adminUsername", "adminPassword"})
public record CreateWalletRequest(String externalKey, String name, String adminUsername, String adminPassword) {

    @Override
    public String toString() {
        return "CreateWalletRequest[externalKey=" + externalKey + ", name=" + name + ", adminUsername=" + adminUsername
                + ", adminPassword=***]";
    }
}
