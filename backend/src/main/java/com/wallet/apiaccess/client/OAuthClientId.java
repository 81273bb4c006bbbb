package com.wallet.apiaccess.client;

import com.wallet.apiaccess.wallet.WalletKeyRule;

import java.util.Optional;

/**
 * What an integrator sends as {@code client_id}: {@code wallet-{externalKey}-{clientId}}. The key
 * runs from after {@code wallet-} to the next hyphen (keys have none); the rest is the clientId.
 */
public record OAuthClientId(String walletKey, String clientId) {

    private static final String PREFIX = "wallet-";

    public static String prefix(String walletKey) {
        return PREFIX + walletKey + "-";
    }

    public static Optional<OAuthClientId> parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int hyphen = value.indexOf('-', PREFIX.length());
        if (hyphen < 0) {
            return Optional.empty();
        }
        String walletKey = value.substring(PREFIX.length(), hyphen);
        String clientId = value.substring(hyphen + 1);
        if (!WalletKeyRule.isValid(walletKey) || !ClientIdRule.isValid(clientId)) {
            return Optional.empty();
        }
        return Optional.of(new OAuthClientId(walletKey, clientId));
    }

    public String value() {
        return prefix(walletKey) + clientId;
    }

    @Override
    public String toString() {
        return value();
    }
}
