package com.wallet.apiaccess.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(requiredProperties = {"currentPassword", "newPassword"})
public record ChangePasswordRequest(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[currentPassword=***, newPassword=***]";
    }
}
