package com.wallet.apiaccess.token;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

/** A client whose secret was just proven. */
record AuthenticatedClient(long id, OAuthClientId oauthClientId, SortedSet<String> roles, LocalDate expiryDate,
                           Instant lastUsedAt, String credentialRef) {
}
