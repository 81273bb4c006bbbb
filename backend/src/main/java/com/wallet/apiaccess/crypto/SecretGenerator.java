package com.wallet.apiaccess.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;

/** Client secrets: 256 random bits in the URL-safe base64 alphabet, so Basic encoding never mangles them. */
@ApplicationScoped
public class SecretGenerator {

    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
