package com.wallet.apiaccess.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(requiredProperties = {"username", "password", "roles"})
public record CreateUserRequest(String username, String password, List<String> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", password=***, roles=" + roles + "]";
    }
}
