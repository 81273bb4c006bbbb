package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.role.Caller;

/** Who did it: a user (by username), a client (by OAuth client id) or an operator (the service itself, the platform). */
public record Actor(String type, String id) {

    /** The service acting on its own: a secret retired once drained, an expiry notice. */
    public static final Actor SERVICE = new Actor("operator", "api-access");

    /** The platform operator (its token) or the bootstrap at start. */
    public static Actor operator(String id) {
        return new Actor("operator", id);
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.isClient() ? "client" : "user", caller.name());
    }
}
