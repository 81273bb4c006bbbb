package com.wallet.apiaccess.wallet;

public record CreateWalletRequest(String externalKey, String name, String adminUsername, String adminPassword) {

    @Override
    public String toString() {
        return "CreateWalletRequest[externalKey=" + externalKey + ", name=" + name
                + ", adminUsername=" + adminUsername + ", adminPassword=***]";
    }
}
