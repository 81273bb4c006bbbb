package com.wallet.apiaccess.support;

import com.wallet.apiaccess.support.TestKeys.TestKey;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** DPoP proofs (RFC 9449 §4.2) as an integrator makes them, written here independently of the service. */
public final class TestProofs {

    public static final String TOKEN_ENDPOINT = TestKeys.TOKEN_ENDPOINT;

    private TestProofs() {}

    /** The claims of a valid proof for this request: a new jti, iat now, and {@code ath} when a token is given. */
    public static Map<String, Object> claims(String htm, String htu, String accessToken) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", htm);
        claims.put("htu", htu);
        claims.put("iat", Instant.now().getEpochSecond());
        if (accessToken != null) {
            claims.put("ath", ath(accessToken));
        }
        return claims;
    }

    /** A valid proof for the token endpoint. */
    public static String forToken(TestKey key) {
        return sign(key, claims("POST", TOKEN_ENDPOINT, null));
    }

    /** A valid proof for {@code method} on {@code path} of /api with this access token. */
    public static String forApi(TestKey key, String method, String path, String accessToken) {
        return sign(key, claims(method, TestKeys.ISSUER + path, accessToken));
    }

    /** The claims signed by the key, its public JWK in the header, {@code typ dpop+jwt}. */
    public static String sign(TestKey key, Map<String, Object> claims) {
        return sign(claims, key.alg(), "dpop+jwt", publicJwk(key), key.pair().getPrivate());
    }

    /** Any header: to make the proofs that must be refused. */
    public static String sign(
            Map<String, Object> claims, String alg, String typ, PublicJsonWebKey jwk, Key signingKey) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(io.vertx.core.json.Json.encode(claims));
            jws.setAlgorithmHeaderValue(alg);
            if (typ != null) {
                jws.setHeader("typ", typ);
            }
            if (jwk != null) {
                jws.setJwkHeader(jwk);
            }
            jws.setKey(signingKey);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicJsonWebKey publicJwk(TestKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key.pair().getPublic());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9449 §4.2: base64url of the SHA-256 of the token's ASCII text. */
    public static String ath(String accessToken) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(accessToken.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
