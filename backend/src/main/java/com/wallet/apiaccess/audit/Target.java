package com.wallet.apiaccess.audit;

/** What was acted on. */
public record Target(String type, String id) {

    public static Target client(String clientId) {
        return new Target("client", clientId);
    }

    public static Target user(String username) {
        return new Target("user", username);
    }

    public static Target wallet(String externalKey) {
        return new Target("wallet", externalKey);
    }
}
