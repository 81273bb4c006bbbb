package com.wallet.apiaccess.user;

import java.util.SortedSet;

/** What a bearer check needs of a user: the password hash its sessions are tied to, and its roles now. */
public record UserCredential(String passwordHash, SortedSet<String> roles) {}
