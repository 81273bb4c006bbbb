package com.wallet.apiaccess.role;

import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.Shown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Role sets: validation of what a client sent, and the rule that Change implies View. */
public final class RoleSet {

    private RoleSet() {}

    /**
     * Checks every role against the catalogue and returns the sorted set, with {@code X:read} added
     * for each {@code X:change}. At least one role is needed: a holder of none could do nothing.
     * Problems are added to {@code errors} under {@code roles} or {@code roles[i]}.
     */
    public static SortedSet<String> normalise(
            List<String> requested, RoleCatalogue catalogue, String field, List<FieldError> errors) {
        SortedSet<String> result = new TreeSet<>();
        if (requested == null) {
            errors.add(new FieldError(field, "is required"));
            return result;
        }
        if (requested.isEmpty()) {
            errors.add(new FieldError(field, "must name at least one role"));
        }
        for (int i = 0; i < requested.size(); i++) {
            String role = requested.get(i);
            if (role == null || !catalogue.isKnown(role)) {
                errors.add(new FieldError(
                        field + "[" + i + "]",
                        role == null
                                ? "must be a role, not null"
                                : "'" + Shown.value(role, 80) + "' is not a known role"));
                continue;
            }
            result.add(role);
        }
        return withImpliedReads(result);
    }

    /** Adds {@code X:read} for every {@code X:change}. */
    public static SortedSet<String> withImpliedReads(Collection<String> roles) {
        SortedSet<String> result = new TreeSet<>(roles);
        for (String role : roles) {
            if (role.endsWith(RoleCatalogue.CHANGE)) {
                result.add(role.substring(0, role.length() - RoleCatalogue.CHANGE.length()) + RoleCatalogue.READ);
            }
        }
        return Collections.unmodifiableSortedSet(result);
    }

    /** The roles of {@code wanted} that {@code held} lacks, sorted. */
    public static List<String> missing(Collection<String> wanted, Collection<String> held) {
        List<String> missing = new ArrayList<>();
        for (String role : new TreeSet<>(wanted)) {
            if (!held.contains(role)) {
                missing.add(role);
            }
        }
        return missing;
    }

    /** Roles as stored and as an OAuth scope: space-separated. */
    public static String join(Collection<String> roles) {
        return String.join(" ", new TreeSet<>(roles));
    }

    public static SortedSet<String> split(String joined) {
        SortedSet<String> roles = new TreeSet<>();
        if (joined != null) {
            for (String role : joined.split(" ")) {
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
