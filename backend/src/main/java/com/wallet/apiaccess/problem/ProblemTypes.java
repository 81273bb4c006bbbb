package com.wallet.apiaccess.problem;

/** The {@code type} URIs of our problems; {@code about:blank} where the status says it all. */
public final class ProblemTypes {

    private static final String BASE = "urn:api-access:problem:";

    public static final String VALIDATION = BASE + "validation";
    public static final String NOT_FOUND = "about:blank";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "insufficient-role";
    public static final String CLIENT_EXISTS = BASE + "client-exists";
    public static final String USER_EXISTS = BASE + "user-exists";
    public static final String WALLET_EXISTS = BASE + "wallet-exists";
    public static final String TOO_MANY_SECRETS = BASE + "too-many-secrets";
    public static final String TOO_MANY_WEBHOOKS = BASE + "too-many-webhooks";
    public static final String LAST_SECRET = BASE + "last-secret";
    public static final String TOO_MANY_KEYS = BASE + "too-many-keys";
    public static final String KEY_EXISTS = BASE + "key-exists";
    public static final String LAST_CREDENTIAL = BASE + "last-credential";
    public static final String LINK_USED = BASE + "link-used";
    public static final String LINK_EXPIRED = BASE + "link-expired";
    public static final String SELF_DELETE = BASE + "self-delete";
    public static final String LOCK_OUT = BASE + "lock-out";
    public static final String WRONG_PASSWORD = BASE + "wrong-password";
    public static final String BUSY = BASE + "busy";
    public static final String PASSWORD_CHANGED = BASE + "password-changed";
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    public static final String UNAVAILABLE = BASE + "database-unavailable";
    public static final String INTERNAL = "about:blank";

    private ProblemTypes() {}
}
