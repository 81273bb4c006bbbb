package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.KeyRing;
import com.wallet.apiaccess.crypto.SigningKey;
import com.wallet.apiaccess.crypto.TokenClaims;
import com.wallet.apiaccess.crypto.TokenFactory;
import com.wallet.apiaccess.problem.InvalidToken;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.RoleSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a bearer token the way any resource server should: a signature by one of our keys with the
 * algorithm of that key (no {@code none}, no HMAC with a public key), {@code typ at+jwt}, our issuer,
 * our audience, {@code exp}, {@code nbf} and {@code iat}. Whether its client or user still exists is
 * {@link BearerIdentityProvider}'s business.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final JwtConsumer consumer;
    private final String issuer;
    private final String accessAudience;
    private final String sessionAudience;

    public AccessTokenVerifier(ApiAccessConfig config, KeyRing keys, Endpoints endpoints) {
        this.issuer = endpoints.issuer();
        this.accessAudience = config.token().audience();
        this.sessionAudience = config.session().audience();
        this.consumer = new JwtConsumerBuilder()
                .setExpectedType(true, TokenClaims.ACCESS_TOKEN_TYPE)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, "ES256", "ES384", "ES512", "RS256"))
                .setVerificationKeyResolver((jws, nested) -> {
                    SigningKey key = keys.verificationKey(jws.getKeyIdHeaderValue())
                            .orElseThrow(() -> new UnresolvableKeyException("unknown kid"));
                    if (!key.algorithm().equals(jws.getAlgorithmHeaderValue())) {
                        throw new UnresolvableKeyException("algorithm does not match the key");
                    }
                    return key.publicKey();
                })
                .setExpectedIssuer(endpoints.issuer())
                .setExpectedAudience(
                        true, config.token().audience(), config.session().audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
    }

    /** The issuer every verified token names. */
    public String issuer() {
        return issuer;
    }

    /** The audience every verified client access token names (its only one). */
    public String accessAudience() {
        return accessAudience;
    }

    public VerifiedToken verify(String token) {
        if (!CompactJws.isCanonical(token)) {
            throw InvalidToken.because("The token is not a compact JWS in canonical base64url");
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String walletKey = claims.getStringClaimValue(TokenClaims.WALLET);
            String subject = claims.getSubject();
            if (walletKey == null) {
                throw InvalidToken.because("The token names no wallet");
            }
            var roles = RoleSet.split(claims.getStringClaimValue(TokenClaims.SCOPE));
            String credentialRef = claims.getStringClaimValue(TokenClaims.CREDENTIAL_REF);
            if (credentialRef == null) {
                throw InvalidToken.because("The token names no credential");
            }
            if (TokenClaims.SESSION.equals(claims.getStringClaimValue(TokenClaims.TOKEN_USE))) {
                String username = TokenFactory.usernameOf(subject, walletKey);
                if (!claims.getAudience().equals(List.of(sessionAudience)) || username == null) {
                    throw InvalidToken.because("The token is not a session of this console");
                }
                return new VerifiedToken(
                        Caller.Kind.USER,
                        walletKey,
                        username,
                        null,
                        roles,
                        credentialRef,
                        claims.getJwtId(),
                        claims.getIssuedAt().getValue(),
                        claims.getExpirationTime().getValue(),
                        null);
            }
            if (!claims.getAudience().equals(List.of(accessAudience))) {
                throw InvalidToken.because("The token is not meant for this API");
            }
            Optional<OAuthClientId> clientId = OAuthClientId.parse(claims.getStringClaimValue(TokenClaims.CLIENT_ID));
            if (clientId.isEmpty()
                    || !clientId.get().value().equals(subject)
                    || !clientId.get().walletKey().equals(walletKey)) {
                throw InvalidToken.because("The token's client does not match its subject and wallet");
            }
            return new VerifiedToken(
                    Caller.Kind.CLIENT,
                    walletKey,
                    subject,
                    clientId.get().clientId(),
                    roles,
                    credentialRef,
                    claims.getJwtId(),
                    claims.getIssuedAt().getValue(),
                    claims.getExpirationTime().getValue(),
                    thumbprintOf(claims));
        } catch (InvalidJwtException e) {
            throw InvalidToken.because(describe(e));
        } catch (MalformedClaimException e) {
            throw InvalidToken.because("The token has a malformed claim");
        }
    }

    /** The {@code cnf.jkt} of a DPoP-bound token, or null; a {@code cnf} of any other shape is refused. */
    private static String thumbprintOf(JwtClaims claims) {
        Object cnf = claims.getClaimValue(TokenClaims.CONFIRMATION);
        if (cnf == null) {
            return null;
        }
        if (cnf instanceof Map<?, ?> confirmation
                && confirmation.size() == 1
                && confirmation.get(TokenClaims.JWK_THUMBPRINT) instanceof String jkt
                && !jkt.isEmpty()) {
            return jkt;
        }
        throw InvalidToken.because("The token's cnf is not a DPoP key thumbprint");
    }

    private static String describe(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return "The token was not issued here";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The token is not meant for this API";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "The token is not valid yet";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "The token's signature does not verify";
        }
        if (e.hasErrorCode(ErrorCodes.TYPE_INVALID) || e.hasErrorCode(ErrorCodes.TYPE_MISSING)) {
            return "The token is not an access token (typ at+jwt)";
        }
        return "The token is malformed or not signed by this service";
    }
}
