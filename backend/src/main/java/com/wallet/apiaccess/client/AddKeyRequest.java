package com.wallet.apiaccess.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A public key, as a JWK or as PEM text: exactly one of the two. */
public record AddKeyRequest(
        @Schema(description = "A public JWK: EC P-256 or P-384, RSA of at least 2048 bits, or OKP Ed25519")
        Map<String, Object> jwk,

        @Schema(description = "A PEM '-----BEGIN PUBLIC KEY-----' block (SubjectPublicKeyInfo)")
        String pem) {}
