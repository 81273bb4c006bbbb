package com.wallet.apiaccess.role;

import com.wallet.apiaccess.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who is calling the admin API: a user's session or a client's access token, always within one
 * wallet, with the roles that are in force now, for a client its expiry date, and where it calls from.
 */
public record Caller(
        long walletId,
        String walletKey,
        String walletName,
        Kind kind,
        String name,
        SortedSet<String> roles,
        LocalDate expiryDate,
        Source source) {

    public static final String ATTRIBUTE = "api-access.caller";

    public enum Kind {
        USER,
        CLIENT
    }

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw ProblemException.unauthorized("A valid bearer token is required", "Bearer realm=\"api-access\"");
        }
        return caller;
    }

    /** This caller, when it holds the role; else a 403 naming it. */
    public Caller require(String role) {
        if (!roles.contains(role)) {
            throw ProblemException.insufficientRole("This needs the role " + role, role);
        }
        return this;
    }

    /** Nobody grants what they do not hold. */
    public void requireGrantable(Collection<String> granted) {
        List<String> missing = RoleSet.missing(granted, roles);
        if (!missing.isEmpty()) {
            throw ProblemException.insufficientRole(
                    "You cannot grant roles you do not hold: " + String.join(", ", missing), String.join(" ", missing));
        }
    }

    /**
     * Nobody acts on a holder of more than they do: changing or deleting a user, or taking a new secret
     * of a client, needs all its roles. {@code action} names it: "change a user".
     */
    public void requireHoldsAllOf(Collection<String> held, String action) {
        List<String> missing = RoleSet.missing(held, roles);
        if (!missing.isEmpty()) {
            throw ProblemException.insufficientRole(
                    "You cannot " + action + " who holds roles you do not hold: " + String.join(", ", missing),
                    String.join(" ", missing));
        }
    }

    /** This caller with only those of its roles that are also in {@code held}: what it holds as of now. */
    public Caller narrowedTo(Collection<String> held) {
        SortedSet<String> kept = new TreeSet<>(roles);
        kept.retainAll(held);
        return new Caller(walletId, walletKey, walletName, kind, name, kept, expiryDate, source);
    }

    public boolean isClient() {
        return kind == Kind.CLIENT;
    }

    public boolean isUser(String username) {
        return kind == Kind.USER && name.equals(username);
    }
}
