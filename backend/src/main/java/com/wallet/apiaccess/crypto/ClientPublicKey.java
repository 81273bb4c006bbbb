package com.wallet.apiaccess.crypto;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's public key for {@code private_key_jwt} (RFC 7523 §2.2): EC P-256 (ES256), P-384 (ES384),
 * RSA of 2048 to 8192 bits (RS256) or Ed25519 (EdDSA), read from a JWK or a PEM {@code PUBLIC KEY}.
 * {@code kid} is its RFC 7638 thumbprint (SHA-256, base64url) and {@code jwk} the JSON of its public
 * members alone. Anything else, a private key above all, is refused with a {@link Rejected} that says why.
 */
public record ClientPublicKey(String kid, String alg, String jwk, PublicKey publicKey) {

    /** Why a key is refused, worded for the admin who pasted it. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    public static final List<String> ALGORITHMS = List.of("ES256", "ES384", "RS256", "EdDSA");

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;

    /** JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    /** A key from a JWK object as the admin sent it. */
    public static ClientPublicKey fromJwk(Map<String, Object> members) {
        if (members == null || members.isEmpty()) {
            throw new Rejected("jwk must be a JSON Web Key object");
        }
        for (String member : members.keySet()) {
            if (PRIVATE_MEMBERS.contains(member)) {
                throw new Rejected("jwk holds a private or symmetric key (member '" + member
                        + "'); send the public key only: the private key never leaves the integrator");
            }
        }
        Object kty = members.get("kty");
        if (!(kty instanceof String)) {
            throw new Rejected("jwk must have a kty of EC, RSA or OKP");
        }
        Object use = members.get("use");
        if (use != null && !"sig".equals(use)) {
            throw new Rejected("jwk has use '" + shown(use) + "'; a client authentication key is for use 'sig'");
        }
        JsonWebKey parsed;
        try {
            parsed = JsonWebKey.Factory.newJwk(new LinkedHashMap<>(members));
        } catch (JoseException e) {
            throw new Rejected("jwk is not a valid " + shown(kty) + " JSON Web Key: " + reason(e));
        } catch (RuntimeException e) {
            throw new Rejected("jwk is not a valid " + shown(kty) + " JSON Web Key: a member is missing or malformed");
        }
        if (!(parsed instanceof PublicJsonWebKey publicJwk)) {
            throw new Rejected(
                    "jwk has kty '" + shown(kty) + "'; supported are EC (P-256, P-384), RSA and OKP (Ed25519)");
        }
        ClientPublicKey key = of(publicJwk.getPublicKey());
        Object alg = members.get("alg");
        if (alg != null && !key.alg().equals(alg)) {
            throw new Rejected("jwk says alg '" + shown(alg) + "' but this key signs with " + key.alg());
        }
        return key;
    }

    /** A key from PEM text holding one {@code -----BEGIN PUBLIC KEY-----} block (SubjectPublicKeyInfo). */
    public static ClientPublicKey fromPem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new Rejected("pem must hold a '-----BEGIN PUBLIC KEY-----' block");
        }
        Matcher m = BLOCK.matcher(pem);
        byte[] der = null;
        while (m.find()) {
            String label = m.group(1);
            if (label.contains("PRIVATE KEY")) {
                throw new Rejected("pem holds a private key; send the public key only"
                        + " ('openssl pkey -in key.pem -pubout'): the private key never leaves the integrator");
            }
            if (label.equals("PUBLIC KEY")) {
                if (der != null) {
                    throw new Rejected("pem holds more than one public key; send one at a time");
                }
                try {
                    der = Base64.getMimeDecoder().decode(m.group(2));
                } catch (IllegalArgumentException e) {
                    throw new Rejected("pem has a PUBLIC KEY block that is not valid base64");
                }
            } else if (label.equals("RSA PUBLIC KEY")) {
                throw new Rejected("pem is a PKCS#1 'RSA PUBLIC KEY'; convert it to a 'PUBLIC KEY'"
                        + " with 'openssl rsa -RSAPublicKey_in -in key.pem -pubout'");
            } else if (label.equals("CERTIFICATE")) {
                throw new Rejected(
                        "pem is a certificate; send its public key" + " ('openssl x509 -in cert.pem -pubkey -noout')");
            }
        }
        if (der == null) {
            throw new Rejected("pem must hold a '-----BEGIN PUBLIC KEY-----' block");
        }
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm (an unsupported curve is refused by of(), which throws Rejected)
                if (e instanceof Rejected rejected) {
                    throw rejected;
                }
            }
        }
        throw new Rejected("pem holds a public key that is not EC (P-256, P-384), RSA or Ed25519");
    }

    /** A key as it was stored after {@link #fromJwk} or {@link #fromPem} accepted it. */
    public static ClientPublicKey fromStored(String jwkJson) {
        try {
            return of(PublicJsonWebKey.Factory.newPublicJwk(jwkJson).getPublicKey());
        } catch (JoseException e) {
            throw new IllegalStateException("A stored client key cannot be read", e);
        }
    }

    /** Checks the key and names its algorithm, thumbprint and public JWK. */
    static ClientPublicKey of(PublicKey key) {
        String alg;
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            alg = switch (bits) {
                case 256 -> "ES256";
                case 384 -> "ES384";
                default ->
                    throw new Rejected(
                            "EC keys on the P-256 or P-384 curve are supported; this one is of " + bits + " bits");
            };
            if (!isNamedCurve(ec.getParams(), bits)
                    || !onCurve(ec.getW(), ec.getParams().getCurve())) {
                throw new Rejected("The EC key is not a point of the P-256 or P-384 curve");
            }
        } else if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new Rejected("The RSA key has " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            if (bits > MAX_RSA_BITS) {
                throw new Rejected("The RSA key has " + bits + " bits; at most " + MAX_RSA_BITS + " are accepted");
            }
            BigInteger e = rsa.getPublicExponent();
            if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
                throw new Rejected("The RSA key's public exponent is not valid");
            }
            alg = "RS256";
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            alg = AlgorithmIdentifiers.EDDSA;
        } else {
            throw new Rejected(
                    "A " + key.getAlgorithm() + " key is not supported; use EC P-256 or P-384, RSA or Ed25519");
        }
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            if (jwk instanceof OctetKeyPairJsonWebKey okp && !"Ed25519".equals(okp.getSubtype())) {
                throw new Rejected("OKP keys on Ed25519 are supported; this one is " + okp.getSubtype());
            }
            String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            String json = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            return new ClientPublicKey(kid, alg, json, key);
        } catch (JoseException e) {
            throw new Rejected("The key cannot be expressed as a JSON Web Key: " + reason(e));
        }
    }

    private static boolean isNamedCurve(ECParameterSpec params, int bits) {
        ECParameterSpec named = bits == 256 ? EllipticCurves.P256 : EllipticCurves.P384;
        return named.getCurve().equals(params.getCurve())
                && named.getGenerator().equals(params.getGenerator())
                && named.getOrder().equals(params.getOrder());
    }

    /** y² = x³ + ax + b (mod p): a key off its curve is no key. */
    private static boolean onCurve(ECPoint w, EllipticCurve curve) {
        ECField field = curve.getField();
        if (!(field instanceof ECFieldFp fp) || w.equals(ECPoint.POINT_INFINITY)) {
            return false;
        }
        BigInteger p = fp.getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right =
                x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return "it is malformed";
        }
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    /** Never the key material in logs, though it is public: the thumbprint says which key it is. */
    @Override
    public String toString() {
        return "ClientPublicKey[kid=" + kid + ", alg=" + alg + "]";
    }
}
