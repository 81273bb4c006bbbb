package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.Source;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One event to record. {@code changes} is what changed, never a secret, a password or a token:
 * {@code {"roles": {"added", "removed"}}}, {@code {"notes": {"from", "to"}}}, or null.
 */
public record AuditEntry(
        long walletId, Instant at, String action, Actor actor, Target target, JsonObject changes, Source source) {

    /** What a caller of the admin API did, from where it called. */
    public static AuditEntry by(Caller caller, Instant at, String action, Target target, JsonObject changes) {
        return new AuditEntry(caller.walletId(), at, action, Actor.of(caller), target, changes, caller.source());
    }
}
