package com.wallet.apiaccess.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A wallet user as the admin API shows it; never the password hash. */
@Schema(requiredProperties = {"username", "roles", "createdAt"})
public record UserView(String username, List<String> roles, Instant createdAt) {

    static UserView of(WalletUser user) {
        return new UserView(user.username, List.copyOf(user.roles), user.createdAt);
    }
}
