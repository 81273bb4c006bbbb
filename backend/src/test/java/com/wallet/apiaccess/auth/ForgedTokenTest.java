package com.wallet.apiaccess.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.auth.Bearer.TestClient;
import com.wallet.apiaccess.crypto.PemSigningKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.wallet.apiaccess.auth.Bearer.assertInvalidToken;
import static com.wallet.apiaccess.auth.Bearer.assertUnauthorized;
import static com.wallet.apiaccess.auth.Bearer.listClients;
import static com.wallet.apiaccess.auth.Bearer.listClientsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Bearer tokens the admin API must refuse, one reason each. The service signs with the test
 * resources' PEM key, so each forged token is a valid one (see the control test) with one thing wrong.
 */
@QuarkusTest
@TestProfile(PemSigningKey.Profile.class)
class ForgedTokenTest {

    private static final String ISSUER = "http://localhost:8081";
    private static final String AUDIENCE = "wallet-api";

    private TestClient client;
    private JWTClaimsSet issued;

    @BeforeEach
    void createClient() throws Exception {
        client = Bearer.newClient(List.of("api-access:read"));
        issued = SignedJWT.parse(client.token()).getJWTClaimsSet();
    }

    /**
     * The claims the token endpoint just issued to the client, with a fresh jti and times: whatever
     * else the service puts in its tokens stays as it put it.
     */
    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder(issued)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    @Test
    void shouldIssueTheClaimsTheseTestsForge() {
        // Guards the premise: the forged tokens below start from a client token of this shape.
        assertThat(issued.getIssuer(), org.hamcrest.Matchers.equalTo(ISSUER));
        assertThat(issued.getAudience(), org.hamcrest.Matchers.equalTo(List.of(AUDIENCE)));
        assertThat(issued.getSubject(), org.hamcrest.Matchers.equalTo(client.oauthClientId()));
    }

    private static String json(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void shouldAcceptAWellFormedTokenSignedWithTheServiceKey() {
        // The control: without it, every refusal below could be the forging's fault.
        listClientsWith(PemSigningKey.sign(validClaims().build())).then().statusCode(200);
    }

    @Test
    void shouldRefuseARequestWithoutAToken() {
        var response = listClients(null);
        assertUnauthorized(response);
        // RFC 6750 §3.1: no error code when the request carried no credentials at all.
        assertThat(response.header("WWW-Authenticate"), not(containsString("error=")));
    }

    @Test
    void shouldRefuseAnotherAuthorizationScheme() {
        assertUnauthorized(listClients("Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                (client.oauthClientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldRefuseGarbage() {
        assertInvalidToken(listClientsWith("this-is-not-a-jwt"));
    }

    @Test
    void shouldRefuseThreeSegmentsOfGarbage() {
        assertInvalidToken(listClientsWith("abc.def.ghi"));
    }

    @Test
    void shouldRefuseAnUnsignedTokenWithAlgNone() {
        String header = json("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + PemSigningKey.kid() + "\"}");
        String payload = validClaims().build().toPayload().toBase64URL().toString();
        assertInvalidToken(listClientsWith(header + "." + payload + "."));
    }

    @Test
    void shouldRefuseHs256SignedWithThePublicKey() throws Exception {
        // Algorithm confusion: a verifier that feeds "its key" to whatever alg the header names.
        for (byte[] secret : List.of(
                PemSigningKey.publicPemText().getBytes(StandardCharsets.US_ASCII), PemSigningKey.publicKeyDer())) {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(PemSigningKey.kid())
                            .type(new JOSEObjectType("at+jwt"))
                            .build(),
                    validClaims().build());
            jwt.sign(new MACSigner(secret));
            assertInvalidToken(listClientsWith(jwt.serialize()));
        }
    }

    @Test
    void shouldRefuseAKeyItDoesNotKnow() throws Exception {
        ECKey stranger =
                new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(stranger.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                validClaims().build());
        jwt.sign(new ECDSASigner(stranger));
        assertInvalidToken(listClientsWith(jwt.serialize()));
    }

    @Test
    void shouldRefuseAnotherKeyPosingAsTheServiceKid() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(PemSigningKey.kid())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                validClaims().build());
        jwt.sign(new ECDSASigner(stranger));
        assertInvalidToken(listClientsWith(jwt.serialize()));
    }

    @Test
    void shouldRefuseATokenWithoutKid() {
        assertInvalidToken(listClientsWith(PemSigningKey.sign(validClaims().build(), null, "at+jwt")));
    }

    @Test
    void shouldRefuseAnotherIssuer() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().issuer("http://localhost:9999").build())));
    }

    @Test
    void shouldRefuseAnotherAudience() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().audience("other-api").build())));
    }

    @Test
    void shouldRefuseATokenWithoutAudience() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().audience((String) null).build())));
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Instant now = Instant.now();
        assertInvalidToken(listClientsWith(PemSigningKey.sign(validClaims()
                .issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(120)))
                .build())));
    }

    @Test
    void shouldRefuseATokenWithoutExp() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().expirationTime(null).build())));
    }

    @Test
    void shouldRefuseATokenNotValidBeforeAFutureTime() {
        Instant now = Instant.now();
        assertInvalidToken(listClientsWith(PemSigningKey.sign(validClaims()
                .notBeforeTime(Date.from(now.plusSeconds(300)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build())));
    }

    @Test
    void shouldRefuseATamperedPayload() throws Exception {
        String[] parts = client.token().split("\\.");
        JWTClaimsSet claims =
                JWTClaimsSet.parse(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8));
        JWTClaimsSet widened = new JWTClaimsSet.Builder(claims)
                .claim("scope", "api-access:read api-access:change")
                .claim("groups", List.of("api-access:read", "api-access:change"))
                .build();
        String tampered = parts[0] + "." + widened.toPayload().toBase64URL() + "." + parts[2];
        assertInvalidToken(listClientsWith(tampered));
    }

    @Test
    void shouldRefuseATamperedHeader() throws Exception {
        String[] parts = client.token().split("\\.");
        String header = new String(Base64URL.from(parts[0]).decode(), StandardCharsets.UTF_8);
        String tamperedHeader = header.substring(0, header.length() - 1) + ",\"x-tampered\":true}";
        assertInvalidToken(listClientsWith(json(tamperedHeader) + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void shouldRefuseATokenWhoseTypIsNotAtJwt() {
        assertInvalidToken(listClientsWith(PemSigningKey.sign(validClaims().build(), PemSigningKey.kid(), "JWT")));
    }

    @Test
    void shouldRefuseATokenWithoutTyp() {
        assertInvalidToken(listClientsWith(PemSigningKey.sign(validClaims().build(), PemSigningKey.kid(), null)));
    }

    @Test
    void shouldRefuseATokenForAnotherWallet() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().claim("wallet", "nosuchwallet").build())));
    }

    @Test
    void shouldRefuseAClientIdThatDisagreesWithTheSubject() {
        TestClient other = Bearer.newClient(List.of("api-access:read"));
        assertInvalidToken(listClientsWith(PemSigningKey.sign(
                validClaims().claim("client_id", other.oauthClientId()).build())));
    }

    @Test
    void shouldRefuseAClientTokenWithTheConsoleAudience() {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(validClaims().audience("api-access-console").build())));
    }

    /** The session's own claims, but for the wallet API's audience: not a session of this console. */
    private JWTClaimsSet.Builder sessionClaims() throws Exception {
        JWTClaimsSet session =
                SignedJWT.parse(com.wallet.apiaccess.support.Api.adminToken()).getJWTClaimsSet();
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder(session)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    @Test
    void shouldAcceptASessionWithItsOwnClaims() throws Exception {
        // The control for the two below.
        Bearer.listClients("Bearer " + PemSigningKey.sign(sessionClaims().build()))
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseASessionForTheWalletApisAudience() throws Exception {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(sessionClaims().audience(AUDIENCE).build())));
    }

    @Test
    void shouldRefuseASessionWhoseSubjectIsABareUsername() throws Exception {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(sessionClaims().subject("admin").build())));
    }

    @Test
    void shouldRefuseASessionWhoseSubjectNamesAnotherWallet() throws Exception {
        assertInvalidToken(listClientsWith(
                PemSigningKey.sign(sessionClaims().subject("user:other:admin").build())));
    }
}
