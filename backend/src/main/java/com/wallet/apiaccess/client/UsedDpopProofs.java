package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Replay protection of DPoP proofs (RFC 9449 §11.1): {@code used_dpop_proof}, until each one is too old to be accepted. */
@ApplicationScoped
public class UsedDpopProofs {

    private final OneTimeIds ids;

    public UsedDpopProofs(Pool pool, Vertx vertx) {
        this.ids = new OneTimeIds(pool, vertx, "used_dpop_proof");
    }

    /** True for the first use of this jti by this client before {@code expiresAt}; false for a replay. */
    public Uni<Boolean> firstUse(long clientRowId, String jti, Instant expiresAt) {
        return ids.firstUse(clientRowId, jti, expiresAt);
    }

    Uni<Void> prune() {
        return ids.prune();
    }
}
