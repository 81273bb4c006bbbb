package com.wallet.apiaccess.user;

import java.util.List;

public record CreateUserRequest(String username, String password, List<String> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", password=***, roles=" + roles + "]";
    }
}
