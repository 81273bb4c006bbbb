package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Replay protection of client assertions ({@code private_key_jwt}): {@code used_assertion}, until each one's {@code exp}. */
@ApplicationScoped
public class UsedAssertions {

    private final OneTimeIds ids;

    public UsedAssertions(Pool pool, Vertx vertx) {
        this.ids = new OneTimeIds(pool, vertx, "used_assertion");
    }

    /** True for the first use of this jti by this client before {@code expiresAt}; false for a replay. */
    public Uni<Boolean> firstUse(long clientRowId, String jti, Instant expiresAt) {
        return ids.firstUse(clientRowId, jti, expiresAt);
    }

    /** {@link #firstUse} without Mutiny, for the token endpoint's path that waits for nothing else. */
    public void claim(long clientRowId, String jti, Instant expiresAt, FirstUse outcome) {
        ids.claim(clientRowId, jti, expiresAt, outcome);
    }

    Uni<Void> prune() {
        return ids.prune();
    }
}
