package com.wallet.apiaccess.session;

public record SignInRequest(String wallet, String username, String password) {

    @Override
    public String toString() {
        return "SignInRequest[wallet=" + wallet + ", username=" + username + ", password=***]";
    }
}
