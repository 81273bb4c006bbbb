package com.wallet.apiaccess.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random values the server hands out: client secrets in {@link SecretFormat} (256 random bits in the
 * URL-safe base64 alphabet, so Basic encoding never mangles them), hand-off link tokens, and the
 * public ids of secrets.
 */
@ApplicationScoped
public class SecretGenerator {

    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        return SecretFormat.of(random(BYTES));
    }

    /** 256 random bits, base64url: the token of a hand-off link. */
    public String newLinkToken() {
        return random(BYTES);
    }

    /** 64 random bits in hex: names a secret in the admin API; not secret. */
    public String newSecretId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String random(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
