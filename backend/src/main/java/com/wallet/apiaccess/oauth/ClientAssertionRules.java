package com.wallet.apiaccess.oauth;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The claims a verified client assertion must carry (RFC 7523 §3, OpenID Connect Core §9): {@code iss} and
 * {@code sub} the OAuth client id, {@code aud} the issuer or the token endpoint (a string, or an array
 * holding one), {@code exp} in the future and at most five minutes ahead, a {@code jti}, and {@code iat}
 * and {@code nbf}, when present, not in the future. Only {@code iat}, {@code nbf} and the five-minute bound
 * allow 30 seconds of clock skew; an {@code exp} that has passed has passed.
 */
final class ClientAssertionRules {

    static final long MAX_LIFETIME_SECONDS = 300;
    static final long CLOCK_SKEW_SECONDS = 30;
    static final int MAX_JTI_LENGTH = 200;

    /** What replay protection needs of an assertion that passed. */
    record Accepted(String jti, Instant expiresAt) {}

    private ClientAssertionRules() {}

    /** The assertion's jti and exp when every claim is right, else null. */
    static Accepted check(JwtClaims claims, String oauthClientId, Set<String> audiences, Instant now) {
        try {
            if (!oauthClientId.equals(claims.getIssuer()) || !oauthClientId.equals(claims.getSubject())) {
                return null;
            }
            if (!claims.hasAudience()) {
                return null;
            }
            List<String> audience = claims.getAudience();
            if (audience.stream().noneMatch(audiences::contains)) {
                return null;
            }
            NumericDate exp = claims.getExpirationTime();
            long seconds = now.getEpochSecond();
            if (exp == null || exp.getValue() <= seconds) {
                return null;
            }
            if (exp.getValue() > seconds + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
                return null;
            }
            NumericDate iat = claims.getIssuedAt();
            if (iat != null && iat.getValue() > seconds + CLOCK_SKEW_SECONDS) {
                return null;
            }
            NumericDate nbf = claims.getNotBefore();
            if (nbf != null && nbf.getValue() > seconds + CLOCK_SKEW_SECONDS) {
                return null;
            }
            String jti = claims.getJwtId();
            if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                return null;
            }
            return new Accepted(jti, Instant.ofEpochSecond(exp.getValue()));
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
