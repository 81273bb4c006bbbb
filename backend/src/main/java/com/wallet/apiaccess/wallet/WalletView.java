package com.wallet.apiaccess.wallet;

/** A wallet as its admins and the platform operator see it. */
public record WalletView(String externalKey, String name) {

    public static WalletView of(WalletRef wallet) {
        return new WalletView(wallet.externalKey(), wallet.name());
    }
}
