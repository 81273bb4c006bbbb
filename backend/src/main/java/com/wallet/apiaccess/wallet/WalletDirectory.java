package com.wallet.apiaccess.wallet;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wallets by external key, cached: a wallet is never renamed or deleted through this service, so a
 * found wallet stays valid. Unknown keys are not cached, so guessing keys cannot fill memory.
 */
@ApplicationScoped
public class WalletDirectory {

    private final ConcurrentMap<String, WalletRef> byKey = new ConcurrentHashMap<>();
    private final WalletRepository repository;

    public WalletDirectory(WalletRepository repository) {
        this.repository = repository;
    }

    /** The wallet, or null when no wallet has that key. */
    public Uni<WalletRef> find(String externalKey) {
        WalletRef cached = byKey.get(externalKey);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return repository.findByExternalKey(externalKey).map(wallet -> {
            if (wallet == null) {
                return null;
            }
            WalletRef ref = WalletRef.of(wallet);
            byKey.put(ref.externalKey(), ref);
            return ref;
        });
    }
}
