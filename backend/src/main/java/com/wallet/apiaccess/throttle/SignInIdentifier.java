package com.wallet.apiaccess.throttle;

/** How a user is named to the throttle and in the logs: {@code wallet/username}. */
public final class SignInIdentifier {

    private SignInIdentifier() {}

    public static String of(String walletKey, String username) {
        return walletKey + "/" + username;
    }
}
