package com.wallet.apiaccess.wallet;

/** A wallet as the request path needs it: immutable, cacheable. */
public record WalletRef(long id, String externalKey, String name) {

    static WalletRef of(Wallet wallet) {
        return new WalletRef(wallet.id, wallet.externalKey, wallet.name);
    }
}
