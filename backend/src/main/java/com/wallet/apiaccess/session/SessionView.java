package com.wallet.apiaccess.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(requiredProperties = {"token", "expiresAt", "user"})
public record SessionView(String token, Instant expiresAt, SessionUser user) {

    @Schema(requiredProperties = {"username", "roles"})
    public record SessionUser(String username, List<String> roles) {}

    @Override
    public String toString() {
        return "SessionView[token=***, expiresAt=" + expiresAt + ", user=" + user + "]";
    }
}
