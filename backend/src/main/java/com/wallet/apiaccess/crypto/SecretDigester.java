package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Stores client secrets as a keyed digest: HMAC-SHA-256 under the server's pepper, or SHA-256 when
 * no pepper is configured. A fast hash is right here: the secret has 256 random bits, so there is
 * nothing to brute-force, and a slow hash would cap token throughput. The stored form names its
 * scheme, so a pepper added later does not lock out existing clients.
 */
@ApplicationScoped
public class SecretDigester {

    private static final String HMAC = "hmac-sha256$";
    private static final String SHA = "sha256$";

    private final byte[] pepper;

    public SecretDigester(ApiAccessConfig config) {
        this.pepper = config.secretPepper()
                .filter(p -> !p.isEmpty())
                .map(p -> p.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    public String digest(String secret) {
        return pepper != null ? HMAC + encode(hmac(secret)) : SHA + encode(sha256(secret));
    }

    /** Compares in constant time; a digest of an unknown scheme, or a peppered one without pepper, never matches. */
    public boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        byte[] expected;
        byte[] actual;
        if (stored.startsWith(HMAC) && pepper != null) {
            expected = decode(stored.substring(HMAC.length()));
            actual = hmac(secret);
        } else if (stored.startsWith(SHA)) {
            expected = decode(stored.substring(SHA.length()));
            actual = sha256(secret);
        } else {
            return false;
        }
        return expected != null && MessageDigest.isEqual(expected, actual);
    }

    private byte[] hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
