package com.wallet.apiaccess.crypto;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The signing key of the test resources ({@code keys/signing-key.pem}, made with
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}), a profile that makes the
 * service sign with it, and a way for tests to sign what the service would never issue.
 */
public final class PemSigningKey {

    static final Path PRIVATE_PEM =
            Path.of("src/test/resources/keys/signing-key.pem").toAbsolutePath();
    /** The same key's public half, {@code openssl pkey -pubout}: what the JWKS must publish. */
    static final Path PUBLIC_PEM =
            Path.of("src/test/resources/keys/signing-key.pub.pem").toAbsolutePath();

    private PemSigningKey() {}

    /** The service signs with the PEM key (PKCS#8, public key derived from it). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.jwt.sign-key-location", PRIVATE_PEM.toString());
        }
    }

    public static ECPublicKey publicKey() {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(PUBLIC_PEM)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECPrivateKey privateKey() {
        try {
            return (ECPrivateKey)
                    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_PEM)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK, its kid the RFC 7638 thumbprint computed here, independently of the service. */
    public static ECKey jwk() {
        try {
            ECKey key = new ECKey.Builder(Curve.P_256, publicKey()).build();
            return new ECKey.Builder(key)
                    .keyID(key.computeThumbprint("SHA-256").toString())
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String kid() {
        return jwk().getKeyID();
    }

    public static String publicPemText() {
        try {
            return Files.readString(PUBLIC_PEM, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] publicKeyDer() {
        return der(PUBLIC_PEM);
    }

    /** Signs with the service's own key: the header is ES256, this kid, this typ (none when null). */
    public static String sign(JWTClaimsSet claims, String kid, String typ) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid);
            if (typ != null) {
                header.type(new JOSEObjectType(typ));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new ECDSASigner(privateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, kid(), "at+jwt");
    }

    private static byte[] der(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
