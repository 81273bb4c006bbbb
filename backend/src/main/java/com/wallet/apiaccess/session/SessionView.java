package com.wallet.apiaccess.session;

import java.time.Instant;
import java.util.List;

public record SessionView(String token, Instant expiresAt, SessionUser user) {

    public record SessionUser(String username, List<String> roles) {
    }

    @Override
    public String toString() {
        return "SessionView[token=***, expiresAt=" + expiresAt + ", user=" + user + "]";
    }
}
