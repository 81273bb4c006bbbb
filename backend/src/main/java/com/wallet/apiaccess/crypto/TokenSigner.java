package com.wallet.apiaccess.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Signs JWTs with the current key: header {@code typ}, {@code alg} from the key, {@code kid} its thumbprint. */
@ApplicationScoped
public class TokenSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The ring's current key, which is fixed for the life of the process (rotation is a restart). */
    private final SigningKey key;
    /** The encoded header per type: the same bytes for every token of the current key. */
    private final ConcurrentMap<String, String> headers = new ConcurrentHashMap<>();
    /** A Signature per thread, initialised with the key once: getInstance and initSign cost more than an AWS-LC signature. */
    private final ThreadLocal<Signature> signatures;

    public TokenSigner(KeyRing keys) {
        this.key = keys.current();
        this.signatures = ThreadLocal.withInitial(() -> signatureFor(key));
    }

    /**
     * An RFC 7515 compact JWS of the claims, the same header and signature SmallRye JWT would produce
     * (ECDSA signatures as R‖S, RFC 7518 §3.4). Every token takes this path ({@code security.TokenFactory}).
     */
    public String sign(ClaimsJson claims, String type) {
        String signingInput = headers.computeIfAbsent(type, this::header)
                + '.'
                + BASE64URL.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = signatures.get();
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + '.' + BASE64URL.encodeToString(jose(signature.sign()));
        } catch (GeneralSecurityException | IOException e) {
            signatures.remove();
            throw new IllegalStateException("Could not sign a token with key " + key.kid(), e);
        }
    }

    private String header(String type) {
        String json = new ClaimsJson()
                .string("alg", key.algorithm())
                .string("kid", key.kid())
                .string("typ", type)
                .toJson();
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] jose(byte[] signature) throws IOException {
        return switch (key.algorithm()) {
            case "ES256" -> EcdsaUsingShaAlgorithm.convertDerToConcatenated(signature, 64);
            case "ES384" -> EcdsaUsingShaAlgorithm.convertDerToConcatenated(signature, 96);
            case "ES512" -> EcdsaUsingShaAlgorithm.convertDerToConcatenated(signature, 132);
            default -> signature;
        };
    }

    private static Signature signatureFor(SigningKey key) {
        String algorithm = switch (key.algorithm()) {
            case "ES256" -> "SHA256withECDSA";
            case "ES384" -> "SHA384withECDSA";
            case "ES512" -> "SHA512withECDSA";
            case "RS256" -> "SHA256withRSA";
            default -> throw new IllegalStateException("No signature for " + key.algorithm());
        };
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key.privateKey());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the " + key.algorithm() + " key " + key.kid(), e);
        }
    }
}
