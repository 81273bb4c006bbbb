package com.wallet.apiaccess.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ties a token to the credential it was issued for: a short fingerprint of the stored secret digest
 * or password hash. A client deleted and created again, a user re-created, or a password changed,
 * all get a new stored hash, so tokens of the old credential stop working, in the same second too.
 * It reveals nothing: it is a hash of a hash of a secret.
 */
public final class CredentialRef {

    private CredentialRef() {}

    public static String of(String storedHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(storedHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
