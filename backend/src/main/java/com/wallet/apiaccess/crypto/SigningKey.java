package com.wallet.apiaccess.crypto;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key pair that signs tokens, or a public key that only verifies them. {@code kid} is the key's
 * RFC 7638 thumbprint, so replicas with the same key agree on it without coordination.
 */
public record SigningKey(
        String kid, String algorithm, PrivateKey privateKey, PublicKey publicKey, Map<String, Object> jwk) {

    public static SigningKey of(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = algorithmOf(publicKey);
        try {
            PublicJsonWebKey webKey = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            String kid = webKey.calculateBase64urlEncodedThumbprint("SHA-256");
            webKey.setKeyId(kid);
            webKey.setAlgorithm(algorithm);
            webKey.setUse("sig");
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", webKey.getKeyType());
            jwk.put("kid", kid);
            jwk.put("use", "sig");
            jwk.put("alg", algorithm);
            new TreeMap<>(webKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).forEach(jwk::putIfAbsent);
            return new SigningKey(kid, algorithm, privateKey, publicKey, Collections.unmodifiableMap(jwk));
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot describe the signing key as a JWK", e);
        }
    }

    /** The JWS algorithm follows from the key: ES256/384/512 by curve size, RS256 for RSA. */
    static String algorithmOf(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> "ES256";
                case 384 -> "ES384";
                case 521 -> "ES512";
                default -> throw new IllegalStateException("Unsupported EC curve of " + bits + " bits");
            };
        }
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("RSA signing keys must have at least 2048 bits");
            }
            return "RS256";
        }
        throw new IllegalStateException("Unsupported key type " + key.getAlgorithm() + "; use EC (P-256) or RSA");
    }
}
