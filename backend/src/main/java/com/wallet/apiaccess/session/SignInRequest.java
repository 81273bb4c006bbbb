package com.wallet.apiaccess.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(requiredProperties = {"wallet", "username", "password"})
public record SignInRequest(String wallet, String username, String password) {

    @Override
    public String toString() {
        return "SignInRequest[wallet=" + wallet + ", username=" + username + ", password=***]";
    }
}
