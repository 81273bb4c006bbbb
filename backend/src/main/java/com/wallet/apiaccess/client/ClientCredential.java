package com.wallet.apiaccess.client;

import java.util.SortedSet;

/** What a bearer check needs of a client: the digest its tokens are tied to, its roles now, its expiry. */
public record ClientCredential(String secretDigest, SortedSet<String> roles, Expiry expiry) {}
