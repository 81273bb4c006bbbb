package com.wallet.apiaccess.session;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A console session is for this API alone. The attack: a leaked session presented to a wallet API that
 * checks tokens as RFC 9068 says (our JWKS, our issuer, audience wallet-api, typ at+jwt).
 */
@QuarkusTest
class SessionAudienceTest {

    /** A resource server of the wallet, as an integrator would build it. */
    private static JwtConsumer walletApi() {
        HttpsJwks jwks = new HttpsJwks("http://localhost:" + RestAssured.port + "/oauth2/jwks");
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer("http://localhost:8081")
                .setExpectedAudience("wallet-api")
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .build();
    }

    @Test
    void shouldGiveSessionsTheConsoleAudience() throws Exception {
        SignedJWT session = SignedJWT.parse(Api.adminToken());
        assertEquals(List.of("api-access-console"), session.getJWTClaimsSet().getAudience());
        assertEquals(
                "user:" + Api.WALLET + ":" + Api.ADMIN,
                session.getJWTClaimsSet().getSubject());
    }

    @Test
    void shouldBeRefusedByAWalletApiThatChecksTheAudience() {
        InvalidJwtException refused =
                assertThrows(InvalidJwtException.class, () -> walletApi().process(Api.adminToken()));
        assertEquals(
                true, refused.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID), refused.getMessage());
    }

    @Test
    void shouldLetTheWalletApiAcceptAClientsAccessToken() {
        String clientId = Api.unique("aud");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        String access = Api.clientToken(Api.oauthClientId(clientId), secret);
        assertDoesNotThrow(() -> walletApi().process(access));
    }

    @Test
    void shouldAcceptBothAudiencesOnThisApi() {
        Api.as(Api.adminToken()).when().get("/api/me").then().statusCode(200);
        String clientId = Api.unique("aud");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.as(Api.clientToken(Api.oauthClientId(clientId), secret))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200);
    }

    /** A user named exactly like a client's OAuth client id still never shares its subject. */
    @Test
    void shouldNeverGiveAUserTheSubjectOfAClient() throws Exception {
        String clientId = Api.unique("twin");
        String oauthClientId = Api.oauthClientId(clientId);
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.as(Api.adminToken())
                .body(Map.of(
                        "username",
                        oauthClientId,
                        "password",
                        "password-of-the-twin",
                        "roles",
                        List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        String userSub = SignedJWT.parse(Api.signIn(Api.WALLET, oauthClientId, "password-of-the-twin"))
                .getJWTClaimsSet()
                .getSubject();
        String clientSub = SignedJWT.parse(Api.clientToken(oauthClientId, secret))
                .getJWTClaimsSet()
                .getSubject();
        assertEquals(oauthClientId, clientSub);
        assertNotEquals(clientSub, userSub);
    }
}
