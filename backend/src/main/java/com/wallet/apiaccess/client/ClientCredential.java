package com.wallet.apiaccess.client;

import java.time.Instant;
import java.util.SortedSet;

/**
 * What a bearer check needs of a client as it is now: its row id (what DPoP replay protection is per), its
 * roles, expiry, whether it is enabled and requires DPoP, and whether the secret a token names still exists (null {@code secretRetiresAt} with {@code secretFound}:
 * it has no retirement date), or the key it names ({@code keyFound}).
 */
public record ClientCredential(
        long clientRowId,
        SortedSet<String> roles,
        Expiry expiry,
        boolean enabled,
        boolean requireDpop,
        boolean secretFound,
        Instant secretRetiresAt,
        boolean keyFound) {

    /** Whether the token's secret authenticates at {@code now}: it was neither deleted nor has reached its date. */
    public boolean secretLiveAt(Instant now) {
        return secretFound && (secretRetiresAt == null || secretRetiresAt.isAfter(now));
    }

    /** Whether the credential the token names still works: a live secret, or a key not removed. */
    public boolean credentialLiveAt(Instant now) {
        return keyFound || secretLiveAt(now);
    }
}
