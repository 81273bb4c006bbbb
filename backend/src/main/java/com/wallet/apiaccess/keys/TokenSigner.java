package com.wallet.apiaccess.keys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

/** Signs JWTs with the current key: header {@code typ}, {@code alg} from the key, {@code kid} its thumbprint. */
@ApplicationScoped
public class TokenSigner {

    private final KeyRing keys;

    public TokenSigner(KeyRing keys) {
        this.keys = keys;
    }

    /** Costs a signature (100-400 µs with the JDK's P-256): call it off the event loop. */
    public String sign(JwtClaimsBuilder claims, String type) {
        SigningKey key = keys.current();
        return claims.jws()
                .algorithm(SignatureAlgorithm.fromAlgorithm(key.algorithm()))
                .keyId(key.kid())
                .type(type)
                .sign(key.privateKey());
    }
}
