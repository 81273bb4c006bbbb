package com.wallet.apiaccess.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A secret just made: the secret itself this once, or the one-time link that will show it to the integrator. */
@Schema(requiredProperties = {"secretId", "createdAt"})
public record NewSecret(
        String secretId,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The secret; absent with delivery link")
        String clientSecret,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The one-time link; only with delivery link")
        String secretLink,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Until when the link may be opened")
        Instant secretLinkExpiresAt,

        Instant createdAt) {

    @Override
    public String toString() {
        return "NewSecret[secretId=" + secretId + ", clientSecret=***, secretLink=***]";
    }
}
