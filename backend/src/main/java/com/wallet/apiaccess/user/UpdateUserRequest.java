package com.wallet.apiaccess.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** New roles, and a new password when given. */
@Schema(requiredProperties = {"roles"})
public record UpdateUserRequest(List<String> roles, String password) {

    @Override
    public String toString() {
        return "UpdateUserRequest[roles=" + roles + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
