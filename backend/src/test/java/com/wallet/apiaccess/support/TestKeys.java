package com.wallet.apiaccess.support;

import io.restassured.path.json.JsonPath;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Key pairs of integrators and the client assertions (RFC 7523) they sign, for the private_key_jwt tests. */
public final class TestKeys {

    public static final String ISSUER = "http://localhost:8081";
    public static final String TOKEN_ENDPOINT = ISSUER + "/oauth2/token";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private TestKeys() {}

    /** One key pair and the algorithm it signs with. */
    public record TestKey(String alg, KeyPair pair) {

        public Map<String, Object> publicJwk() {
            try {
                return new LinkedHashMap<>(PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                        .toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The JWK with its private members too: what must never be accepted. */
        public Map<String, Object> privateJwk() {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
                jwk.setPrivateKey(pair.getPrivate());
                return new LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String publicPem() {
            return pem("PUBLIC KEY", pair.getPublic().getEncoded());
        }

        public String privatePem() {
            return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        }

        /** The RFC 7638 thumbprint, computed here independently of the service. */
        public String thumbprint() {
            try {
                return PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                        .calculateBase64urlEncodedThumbprint("SHA-256");
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A compact JWS of these claims, with this key's algorithm and, when not null, this kid. */
        public String sign(Map<String, Object> claims, String kid) {
            return TestKeys.sign(claims, alg, kid, pair.getPrivate());
        }

        /** A fresh, valid assertion for the OAuth client id, with the kid given (or none). */
        public String assertion(String oauthClientId, String kid) {
            return sign(claims(oauthClientId), kid);
        }
    }

    public static TestKey ec256() {
        return ec("secp256r1", "ES256");
    }

    public static TestKey ec384() {
        return ec("secp384r1", "ES384");
    }

    public static TestKey ec521() {
        return ec("secp521r1", "ES512");
    }

    public static TestKey rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new TestKey("RS256", generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKey ed25519() {
        try {
            return new TestKey("EdDSA", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestKey ec(String curve, String alg) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return new TestKey(alg, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid assertion: iss = sub = the client, aud the token endpoint, exp in a minute, a new jti. */
    public static Map<String, Object> claims(String oauthClientId) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", oauthClientId);
        claims.put("sub", oauthClientId);
        claims.put("aud", TOKEN_ENDPOINT);
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    public static String sign(Map<String, Object> claims, String alg, String kid, Key key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(io.vertx.core.json.Json.encode(claims));
            jws.setAlgorithmHeaderValue(alg);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            jws.setKey(key);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned assertion ({@code alg: none}). */
    public static String unsigned(Map<String, Object> claims, String kid) {
        return sign(claims, "none", kid, null);
    }

    /** HS256 keyed with the public key's PEM bytes: the key-confusion attack on verifiers that trust alg. */
    public static String hmacWithPublicKey(Map<String, Object> claims, TestKey key, String kid) {
        return sign(claims, "HS256", kid, new HmacKey(key.publicPem().getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates a client of the test wallet that holds this key and no secret; answers the 201 body. */
    public static JsonPath createKeyClient(String token, String clientId, List<String> roles, TestKey key) {
        return Api.as(token)
                .body(Map.of("clientId", clientId, "roles", roles, "credential", "key", "jwk", key.publicJwk()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
