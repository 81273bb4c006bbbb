package com.wallet.apiaccess.user;

import java.util.List;

/** New roles, and a new password when given. */
public record UpdateUserRequest(List<String> roles, String password) {

    @Override
    public String toString() {
        return "UpdateUserRequest[roles=" + roles + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
