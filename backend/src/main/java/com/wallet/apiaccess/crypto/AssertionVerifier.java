package com.wallet.apiaccess.crypto;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
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
    public record Parsed(JsonWebSignature jws, String alg, String kid, JwtClaims claims, String compact) {

        @Override
        public String toString() {
            return "Parsed[alg=" + alg + ", kid=" + kid + "]";
        }
    }

    /** JCA names; ECDSA in the P1363 format (r || s), which is how JWS writes it (RFC 7518 §3.4). */
    private static final Map<String, String> JCA = Map.of(
            "ES256", "SHA256withECDSAinP1363Format",
            "ES384", "SHA384withECDSAinP1363Format",
            "RS256", "SHA256withRSA",
            "EdDSA", "EdDSA");

    /** A Signature per algorithm and thread: getInstance looks the provider up each time, which costs more than a verification's setup. */
    private static final ThreadLocal<Map<String, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    private final CryptoWorker worker;
    private final Map<String, Boolean> inline;
    private final Parsed decoyAssertion;
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
            this.decoyAssertion = parse(jws.getCompactSerialization());
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
            return new Parsed(jws, jws.getAlgorithmHeaderValue(), jws.getKeyIdHeaderValue(), claims, compact);
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether the assertion is signed by {@code key} with the key's algorithm. */
    public Uni<Boolean> verify(Parsed assertion, ClientPublicKey key) {
        if (!key.alg().equals(assertion.alg())) {
            return decoy();
        }
        return verifiesInline(key.alg())
                ? Uni.createFrom().item(() -> check(assertion, key))
                : worker.run(() -> check(assertion, key));
    }

    /** True when a signature of this JWS algorithm is checked on the calling thread, cheap enough for an event loop. */
    public boolean verifiesInline(String alg) {
        return inline.getOrDefault(alg, false);
    }

    /**
     * {@link #verify}'s answer computed now, on this thread: for an algorithm that {@link #verifiesInline}
     * (and for the decoy, when its ES256 does).
     */
    public boolean verifyNow(Parsed assertion, ClientPublicKey key) {
        if (!key.alg().equals(assertion.alg())) {
            return decoyNow();
        }
        return check(assertion, key);
    }

    /** One ES256 verification that proves nothing: false, after about the time a real one takes. */
    public Uni<Boolean> decoy() {
        return verify(decoyAssertion, decoyKey).map(ignored -> false);
    }

    /** {@link #decoy} on this thread. */
    public boolean decoyNow() {
        check(decoyAssertion, decoyKey);
        return false;
    }

    /**
     * The JWS signature (RFC 7515 §5.2) over the first two segments, with the key's algorithm only. A
     * {@code crit} header is refused, as no extension is understood here (RFC 7515 §4.1.11).
     */
    private static boolean check(Parsed assertion, ClientPublicKey key) {
        String compact = assertion.compact();
        int end = compact.lastIndexOf('.');
        if (end < 0 || assertion.jws().getHeaders().getObjectHeaderValue("crit") != null) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(compact.substring(end + 1));
            Signature verifier = SIGNATURES.get().get(key.alg());
            if (verifier == null) {
                verifier = Signature.getInstance(JCA.get(key.alg()));
                SIGNATURES.get().put(key.alg(), verifier);
            }
            verifier.initVerify(key.publicKey());
            verifier.update(compact.substring(0, end).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
