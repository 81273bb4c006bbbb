package com.wallet.apiaccess.user;

import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;

import java.util.Collection;
import java.util.List;

/**
 * The lock-out rule: a wallet keeps at least one user who can manage both users and API access, the
 * two roles without which nobody could repair its access again.
 */
final class Administrators {

    static final String USERS_CHANGE = "users:change";
    static final String API_ACCESS_CHANGE = "api-access:change";

    private Administrators() {}

    static boolean isAdministrator(Collection<String> roles) {
        return roles.contains(USERS_CHANGE) && roles.contains(API_ACCESS_CHANGE);
    }

    /**
     * Refuses (409) to give {@code target} the roles {@code newRoles} (null: to delete it) when that
     * would leave no administrator among {@code users}, the wallet's users locked for this change.
     */
    static void requireOneLeft(List<WalletUser> users, WalletUser target, Collection<String> newRoles) {
        boolean before = false;
        boolean after = false;
        for (WalletUser user : users) {
            before |= isAdministrator(user.roles);
            after |= user == target ? newRoles != null && isAdministrator(newRoles) : isAdministrator(user.roles);
        }
        if (before && !after) {
            throw ProblemException.conflict(
                    ProblemTypes.LOCK_OUT,
                    "Wallet would be locked out",
                    "This would leave the wallet without a user who holds both " + USERS_CHANGE + " and "
                            + API_ACCESS_CHANGE + "; give another user both roles first");
        }
    }
}
