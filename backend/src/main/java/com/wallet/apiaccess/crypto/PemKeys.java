package com.wallet.apiaccess.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a signing key pair from PEM text: a PKCS#8 private key, and its public key when needed. */
final class PemKeys {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {}

    static SigningKey read(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                case "EC PRIVATE KEY", "RSA PRIVATE KEY" ->
                    throw new IllegalStateException("The signing key is in a legacy PEM format; convert it with"
                            + " 'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'");
                default -> {
                    /* certificates and parameters are not needed */
                }
            }
        }
        if (privateDer == null) {
            throw new IllegalStateException("No '-----BEGIN PRIVATE KEY-----' block in the signing key PEM");
        }
        try {
            PrivateKey privateKey = privateKey(privateDer);
            PublicKey publicKey = publicDer != null
                    ? publicKey(publicDer, privateKey.getAlgorithm())
                    : derivePublicKey(privateKey, privateDer);
            return SigningKey.of(privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key PEM cannot be read: " + e.getMessage(), e);
        }
    }

    /** A verification-only key from a PEM {@code PUBLIC KEY} block (EC or RSA). */
    static SigningKey readPublic(String pem) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                for (String algorithm : new String[] {"EC", "RSA"}) {
                    try {
                        return SigningKey.of(null, publicKey(der, algorithm));
                    } catch (GeneralSecurityException e) {
                        // try the next algorithm
                    }
                }
                throw new IllegalStateException("The public key PEM is neither EC nor RSA");
            }
        }
        throw new IllegalStateException("No '-----BEGIN PUBLIC KEY-----' block in a previous public key PEM");
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static PublicKey publicKey(byte[] der, String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    private static PublicKey derivePublicKey(PrivateKey privateKey, byte[] pkcs8) throws GeneralSecurityException {
        if (privateKey instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (privateKey instanceof ECPrivateKey ec) {
            byte[] point = embeddedEcPublicPoint(pkcs8);
            if (point == null || point[0] != 0x04) {
                throw new IllegalStateException("The EC private key does not carry its public key; append it with"
                        + " 'openssl pkey -in key.pem -pubout >> key.pem'");
            }
            int size = (point.length - 1) / 2;
            ECPoint w = new ECPoint(
                    new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                    new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
        }
        throw new IllegalStateException("Unsupported private key type " + privateKey.getAlgorithm());
    }

    /**
     * The optional {@code [1] publicKey} of the ECPrivateKey (RFC 5915) inside PKCS#8, which
     * OpenSSL writes; null when absent.
     */
    private static byte[] embeddedEcPublicPoint(byte[] pkcs8) {
        Der outer = new Der(pkcs8, 0).enter(); // PrivateKeyInfo
        Der version = outer; // INTEGER
        Der algorithm = version.next(); // AlgorithmIdentifier
        Der privateKey = algorithm.next(); // OCTET STRING
        Der ecPrivateKey = new Der(privateKey.value(), 0).enter();
        for (Der field = ecPrivateKey.next(); field != null; field = field.next()) {
            if (field.tag == (byte) 0xA1) {
                byte[] bitString = field.enter().value();
                return Arrays.copyOfRange(bitString, 1, bitString.length); // skip the unused-bits byte
            }
        }
        return null;
    }

    /** Just enough DER to walk a sequence: one element at {@code offset} of {@code data}. */
    private static final class Der {
        final byte[] data;
        final int offset;
        final byte tag;
        final int headerLength;
        final int length;
        final int end;

        Der(byte[] data, int offset) {
            this.data = data;
            this.offset = offset;
            this.tag = data[offset];
            int first = data[offset + 1] & 0xFF;
            if (first < 0x80) {
                this.length = first;
                this.headerLength = 2;
            } else {
                int count = first & 0x7F;
                int value = 0;
                for (int i = 0; i < count; i++) {
                    value = (value << 8) | (data[offset + 2 + i] & 0xFF);
                }
                this.length = value;
                this.headerLength = 2 + count;
            }
            this.end = offset + headerLength + length;
        }

        Der(byte[] data, int offset, int limit) {
            this(data, offset);
            if (end > limit) {
                throw new IllegalStateException("Malformed DER in the signing key");
            }
        }

        /** The first element inside this constructed element. */
        Der enter() {
            return new Der(data, offset + headerLength, end);
        }

        /** The element after this one within the same parent, or null. */
        Der next() {
            return end < data.length && end < parentEnd() ? new Der(data, end) : null;
        }

        byte[] value() {
            return Arrays.copyOfRange(data, offset + headerLength, end);
        }

        private int parentEnd() {
            return data.length;
        }
    }
}
