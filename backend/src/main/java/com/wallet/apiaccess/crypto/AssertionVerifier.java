package com.wallet.apiaccess.crypto;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

/**
 * Checks the signature of a client assertion (RFC 7523) with one of the client's keys, and only with
 * that key's algorithm: {@code none}, HMAC and any algorithm other than the key's never verify. Inline
 * where AWS-LC computes it, else on the {@link CryptoWorker}, so that the event loop keeps serving.
 * When no key of the client fits, {@link #decoy} costs about what a verification would, so that a
 * failure takes the same time whatever its reason.
 */
@ApplicationScoped
public class AssertionVerifier {

    /** A compact JWS read but not trusted yet: its header and its claims, which mean nothing until verified. */
    public record Parsed(JsonWebSignature jws, String alg, String kid, JwtClaims claims) {

        @Override
        public String toString() {
            return "Parsed[alg=" + alg + ", kid=" + kid + "]";
        }
    }

    private static final Map<String, String> JCA =
            Map.of("ES256", "SHA256withECDSA", "ES384", "SHA384withECDSA", "RS256", "SHA256withRSA", "EdDSA", "EdDSA");

    private final CryptoWorker worker;
    private final Map<String, Boolean> inline;
    private final String decoyAssertion;
    private final ClientPublicKey decoyKey;

    public AssertionVerifier(CryptoProvider crypto, CryptoWorker worker) {
        this.worker = worker;
        this.inline = Map.of(
                "ES256", crypto.verifiesInline(JCA.get("ES256")),
                "ES384", crypto.verifiesInline(JCA.get("ES384")),
                "RS256", crypto.verifiesInline(JCA.get("RS256")),
                "EdDSA", crypto.verifiesInline(JCA.get("EdDSA")));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue("ES256");
            jws.setPayload("{\"iss\":\"decoy\"}");
            jws.setKey(pair.getPrivate());
            this.decoyAssertion = jws.getCompactSerialization();
            this.decoyKey = ClientPublicKey.of(pair.getPublic());
        } catch (java.security.GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Cannot make the decoy assertion", e);
        }
    }

    /** The assertion's header and claims, unverified; null when it is no compact JWS with a JSON payload. */
    public static Parsed parse(String compact) {
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(compact);
            if (!(structure instanceof JsonWebSignature jws)) {
                return null;
            }
            JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
            return new Parsed(jws, jws.getAlgorithmHeaderValue(), jws.getKeyIdHeaderValue(), claims);
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether the assertion is signed by {@code key} with the key's algorithm. */
    public Uni<Boolean> verify(Parsed assertion, ClientPublicKey key) {
        if (!key.alg().equals(assertion.alg())) {
            return decoy();
        }
        JsonWebSignature jws = assertion.jws();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.alg()));
        jws.setKey(key.publicKey());
        return inline.getOrDefault(key.alg(), false)
                ? Uni.createFrom().item(() -> check(jws))
                : worker.run(() -> check(jws));
    }

    /** One ES256 verification that proves nothing: false, after about the time a real one takes. */
    public Uni<Boolean> decoy() {
        return verify(parse(decoyAssertion), decoyKey).map(ignored -> false);
    }

    private static boolean check(JsonWebSignature jws) {
        try {
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
