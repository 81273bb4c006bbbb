package com.wallet.apiaccess.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet as its admins and the platform operator see it. */
@Schema(requiredProperties = {"externalKey", "name"})
public record WalletView(String externalKey, String name) {

    public static WalletView of(WalletRef wallet) {
        return new WalletView(wallet.externalKey(), wallet.name());
    }
}
