package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.client.UsedDpopProofs;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.AssertionVerifier;
import com.wallet.apiaccess.crypto.ClientPublicKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DPoP proofs (RFC 9449 §4.3), for the token endpoint and for {@code /api}: a JWT of {@code typ dpop+jwt}
 * signed with the private key of the public {@code jwk} in its header, by one of the algorithms of
 * client keys ({@link ClientPublicKey#ALGORITHMS}; never {@code none} nor HMAC), naming the request's
 * method ({@code htm}) and URI without query and fragment ({@code htu}, under {@code api-access.issuer}:
 * the public URL, whatever a proxy in front rewrote), issued at most {@link #MAX_AGE_SECONDS} ago and
 * {@link #CLOCK_SKEW_SECONDS} ahead, and with a {@code jti} used once ({@link #requireFirstUse}, shared by
 * every replica). At {@code /api} it also carries {@code ath}, the hash of the access token it comes with.
 * The key's RFC 7638 thumbprint is what a token names as {@code cnf.jkt}.
 */
@ApplicationScoped
public class DpopProofs {

    public static final String HEADER = "DPoP";
    public static final List<String> ALGORITHMS = ClientPublicKey.ALGORITHMS;
    static final String TYPE = "dpop+jwt";
    static final long MAX_AGE_SECONDS = 60;
    static final long CLOCK_SKEW_SECONDS = 30;
    static final int MAX_JTI_LENGTH = 200;
    /** Room for an RSA-8192 key and signature; anything longer is no proof of ours. */
    static final int MAX_LENGTH = 8192;

    /** A proof that passed every check but the replay one: its key's thumbprint, its jti, and until when it counts. */
    public record Proof(String jkt, String jti, Instant usableUntil) {}

    /** Why a proof is refused, worded for the integrator. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final AssertionVerifier verifier;
    private final UsedDpopProofs used;
    private final String issuer;

    public DpopProofs(AssertionVerifier verifier, UsedDpopProofs used, Endpoints endpoints) {
        this.verifier = verifier;
        this.used = used;
        this.issuer = endpoints.issuer();
    }

    /** The public URL of a path of this service, as a proof's {@code htu} must name it. */
    public String uriOf(String path) {
        return issuer + path;
    }

    /**
     * The proof, once it is well formed, signed by its own key, and names {@code method} and {@code uri};
     * with {@code accessToken} (at {@code /api}), also its hash. Fails with {@link Invalid}.
     */
    public Uni<Proof> verify(String proof, String method, String uri, String accessToken) {
        AssertionVerifier.Parsed parsed;
        ClientPublicKey key;
        Proof checked;
        try {
            parsed = parse(proof);
            key = keyOf(parsed);
            checked = claims(parsed.claims(), key.kid(), method, uri, accessToken, Instant.now());
        } catch (Invalid e) {
            return Uni.createFrom().failure(e);
        }
        return verifier.verify(parsed, key).map(signed -> {
            if (!signed) {
                throw new Invalid("The DPoP proof's signature does not verify with the key in its header");
            }
            return checked;
        });
    }

    /** Fails with {@link Invalid} when this client sent a proof with the same jti before (a replay), on any replica. */
    public Uni<Void> requireFirstUse(long clientRowId, Proof proof) {
        return used.firstUse(clientRowId, proof.jti(), proof.usableUntil()).map(first -> {
            if (!first) {
                throw new Invalid("The DPoP proof was used before: send a new proof, with a new jti, each request");
            }
            return null;
        });
    }

    private static AssertionVerifier.Parsed parse(String proof) {
        if (proof.isEmpty() || proof.length() > MAX_LENGTH || !CompactJws.isCanonical(proof)) {
            throw new Invalid("The DPoP header must hold one compact JWS in canonical base64url");
        }
        AssertionVerifier.Parsed parsed = AssertionVerifier.parse(proof);
        if (parsed == null) {
            throw new Invalid("The DPoP proof is not a JWS with a JSON claims set");
        }
        String type = parsed.jws().getHeader("typ");
        if (type == null || !type.equalsIgnoreCase(TYPE)) {
            throw new Invalid("The DPoP proof's header must have typ " + TYPE);
        }
        if (parsed.alg() == null || !ALGORITHMS.contains(parsed.alg())) {
            throw new Invalid("The DPoP proof's alg must be one of " + String.join(", ", ALGORITHMS));
        }
        return parsed;
    }

    private static ClientPublicKey keyOf(AssertionVerifier.Parsed parsed) {
        Object jwk = parsed.jws().getHeaders().getObjectHeaderValue("jwk");
        if (!(jwk instanceof Map<?, ?> members)) {
            throw new Invalid("The DPoP proof's header must carry the public key as jwk");
        }
        ClientPublicKey key;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) members;
            key = ClientPublicKey.fromJwk(typed);
        } catch (ClientPublicKey.Rejected e) {
            throw new Invalid("The DPoP proof's key is refused: " + e.getMessage());
        }
        if (!key.alg().equals(parsed.alg())) {
            throw new Invalid(
                    "The DPoP proof's alg " + parsed.alg() + " does not fit its key, which signs " + key.alg());
        }
        return key;
    }

    static Proof claims(JwtClaims claims, String jkt, String method, String uri, String accessToken, Instant now) {
        try {
            String jti = claims.getJwtId();
            if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                throw new Invalid("The DPoP proof must have a jti of 1 to " + MAX_JTI_LENGTH + " characters");
            }
            if (!method.equals(claims.getStringClaimValue("htm"))) {
                throw new Invalid("The DPoP proof's htm must be " + method);
            }
            String htu = claims.getStringClaimValue("htu");
            if (htu == null || !sameUri(htu, uri)) {
                throw new Invalid("The DPoP proof's htu must be " + uri);
            }
            NumericDate iat = claims.getIssuedAt();
            long seconds = now.getEpochSecond();
            if (iat == null) {
                throw new Invalid("The DPoP proof must have an iat");
            }
            if (iat.getValue() > seconds + CLOCK_SKEW_SECONDS) {
                throw new Invalid("The DPoP proof's iat is in the future; check the client's clock");
            }
            if (iat.getValue() < seconds - MAX_AGE_SECONDS) {
                throw new Invalid("The DPoP proof is more than " + MAX_AGE_SECONDS + " seconds old; make a new one");
            }
            if (accessToken != null && !hashOf(accessToken).equals(claims.getStringClaimValue("ath"))) {
                throw new Invalid(
                        "The DPoP proof's ath must be the base64url SHA-256 of the access token it comes with");
            }
            return new Proof(jkt, jti, Instant.ofEpochSecond(iat.getValue() + MAX_AGE_SECONDS + CLOCK_SKEW_SECONDS));
        } catch (MalformedClaimException e) {
            throw new Invalid("The DPoP proof has a malformed claim: jti, htm, htu and ath are strings, iat a number");
        }
    }

    /** RFC 9449 §4.3 step 9: the URIs compared after RFC 3986 §6.2.2-3 normalisation, query and fragment ignored. */
    static boolean sameUri(String claimed, String expected) {
        String a = normalised(claimed);
        return a != null && a.equals(normalised(expected));
    }

    private static String normalised(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getRawAuthority() == null || parsed.getHost() == null) {
                return null;
            }
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            int port = parsed.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The {@code ath} of an access token: base64url of the SHA-256 of its ASCII text. */
    public static String hashOf(String accessToken) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
