package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code expiryDate} absent means one year from today; {@code enabled} absent means enabled; {@code requireDpop}
 * absent, false; {@code delivery} absent, secret; {@code credential} absent, secret.
 */
@Schema(requiredProperties = {"clientId", "roles"})
public record CreateClientRequest(
        String clientId,
        LocalDate expiryDate,
        String notes,
        List<String> roles,
        Boolean enabled,

        @Schema(description = "Tokens are issued only with a DPoP proof and bound to its key (RFC 9449); absent: false")
        Boolean requireDpop,

        @Schema(description = "secret (default): the answer carries clientSecret; link: a one-time secretLink instead")
        Delivery delivery,

        @Schema(
                description = "secret (default): the client gets a secret; key: it gets none and authenticates with"
                        + " private_key_jwt, with the key in jwk or pem")
        Credential credential,

        @Schema(description = "With credential key: the public JWK (EC P-256, P-384, RSA, Ed25519)")
        Map<String, Object> jwk,

        @Schema(description = "With credential key: the public key as a PEM '-----BEGIN PUBLIC KEY-----' block")
        String pem) {}
