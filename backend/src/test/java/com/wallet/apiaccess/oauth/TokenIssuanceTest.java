package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static com.wallet.apiaccess.oauth.TokenEndpoint.issued;
import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.postWithBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** POST /oauth2/token when everything is right: the answer and the access token it carries. */
@QuarkusTest
class TokenIssuanceTest {

    private static final String ISSUER = "http://localhost:8081";
    private static final long DEFAULT_LIFETIME_SECONDS = 15 * 60;

    private static Set<String> words(String scope) {
        return new TreeSet<>(List.of(scope.split(" ")));
    }

    @Test
    void shouldIssueATokenToClientSecretPost() {
        TestClient client = newClient(List.of("accounts:read"));
        JsonPath body = issued(secretPost(client, null));
        assertThat(body.getString("access_token"), not(emptyOrNullString()));
        assertThat(body.getString("token_type"), equalTo("Bearer"));
        assertThat(body.getLong("expires_in"), equalTo(DEFAULT_LIFETIME_SECONDS));
        assertThat(body.getString("scope"), equalTo("accounts:read"));
    }

    @Test
    void shouldIssueATokenToClientSecretBasic() {
        TestClient client = newClient(List.of("accounts:read"));
        JsonPath body = issued(postWithBasic(
                basic(client.oauthClientId(), client.secret()), form("grant_type", "client_credentials")));
        assertThat(body.getString("token_type"), equalTo("Bearer"));
        assertThat(body.getLong("expires_in"), equalTo(DEFAULT_LIFETIME_SECONDS));
        assertThat(body.getString("scope"), equalTo("accounts:read"));
        Api.as(body.getString("access_token"))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(client.oauthClientId()));
    }

    @Test
    void shouldFormDecodeBasicCredentialsAsRfc6749Says() {
        TestClient client = newClient(List.of("accounts:read"));
        // Every character percent-encoded: a server that skips form-decoding sees a wrong id and secret.
        String pair = percentEncodeAll(client.oauthClientId()) + ":" + percentEncodeAll(client.secret());
        String authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.US_ASCII));
        JsonPath body = issued(postWithBasic(authorization, form("grant_type", "client_credentials")));
        assertThat(body.getString("scope"), equalTo("accounts:read"));
    }

    @Test
    void shouldAcceptAClientIdInTheBodyThatMatchesBasic() {
        TestClient client = newClient(List.of("accounts:read"));
        issued(postWithBasic(
                basic(client.oauthClientId(), client.secret()),
                form("grant_type", "client_credentials", "client_id", client.oauthClientId())));
    }

    @Test
    void shouldGrantEveryRoleOfTheClientWhenScopeIsAbsent() {
        TestClient client = newClient(List.of("accounts:read", "payments:change", "cards:read"));
        JsonPath body = issued(secretPost(client, null));
        assertThat(
                words(body.getString("scope")),
                equalTo(Set.of("accounts:read", "cards:read", "payments:change", "payments:read")));
    }

    @Test
    void shouldGrantOnlyTheRequestedSubset() {
        TestClient client = newClient(List.of("accounts:read", "payments:change", "cards:read"));
        JsonPath body = issued(secretPost(client, "cards:read accounts:read"));
        assertThat(words(body.getString("scope")), equalTo(Set.of("accounts:read", "cards:read")));
    }

    @Test
    void shouldAddTheReadRoleToARequestedChangeRole() {
        TestClient client = newClient(List.of("accounts:read", "payments:change"));
        JsonPath body = issued(secretPost(client, "payments:change"));
        assertThat(words(body.getString("scope")), equalTo(Set.of("payments:change", "payments:read")));
    }

    @Test
    void shouldSendNoStoreHeadersWithTheToken() {
        TestClient client = newClient(List.of("accounts:read"));
        secretPost(client, null)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
    }

    @Test
    void shouldSignAnAtJwtWithES256AndAPublishedKid() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        SignedJWT token = TokenEndpoint.accessToken(secretPost(client, null));
        assertThat(token.getHeader().getType().getType(), equalTo("at+jwt"));
        assertThat(token.getHeader().getAlgorithm(), equalTo(JWSAlgorithm.ES256));
        List<String> kids = io.restassured.RestAssured.given()
                .when()
                .get("/oauth2/jwks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("keys.kid", String.class);
        assertThat(kids.contains(token.getHeader().getKeyID()), is(true));
    }

    @Test
    void shouldCarryTheRfc9068Claims() throws Exception {
        TestClient client = newClient(List.of("accounts:read", "payments:change"));
        long before = Instant.now().getEpochSecond();
        JWTClaimsSet claims =
                TokenEndpoint.accessToken(secretPost(client, null)).getJWTClaimsSet();
        long after = Instant.now().getEpochSecond();

        assertThat(claims.getIssuer(), equalTo(ISSUER));
        assertThat(claims.getSubject(), equalTo(client.oauthClientId()));
        assertThat(claims.getStringClaim("client_id"), equalTo(client.oauthClientId()));
        assertThat(claims.getAudience(), equalTo(List.of("wallet-api")));
        assertThat(claims.getStringClaim("wallet"), equalTo(Api.WALLET));
        assertThat(claims.getJWTID(), not(emptyOrNullString()));
        long iat = claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(iat, greaterThanOrEqualTo(before));
        assertThat(iat, lessThanOrEqualTo(after));
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond() - iat, equalTo(DEFAULT_LIFETIME_SECONDS));
        assertThat(
                words(claims.getStringClaim("scope")),
                equalTo(Set.of("accounts:read", "payments:change", "payments:read")));
        assertThat(
                claims.getStringListClaim("groups"),
                containsInAnyOrder("accounts:read", "payments:change", "payments:read"));
    }

    @Test
    void shouldPutTheGrantedSubsetInScopeAndGroups() throws Exception {
        TestClient client = newClient(List.of("accounts:read", "payments:change"));
        JWTClaimsSet claims =
                TokenEndpoint.accessToken(secretPost(client, "accounts:read")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("scope"), equalTo("accounts:read"));
        assertThat(claims.getStringListClaim("groups"), equalTo(List.of("accounts:read")));
    }

    @Test
    void shouldGiveEachTokenItsOwnJti() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        String first = TokenEndpoint.accessToken(secretPost(client, null))
                .getJWTClaimsSet()
                .getJWTID();
        String second = TokenEndpoint.accessToken(secretPost(client, null))
                .getJWTClaimsSet()
                .getJWTID();
        assertThat(first, not(equalTo(second)));
    }

    @Test
    void shouldMatchExpiresInToTheTokensExp() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        Response response = secretPost(client, null);
        long expiresIn = issued(response).getLong("expires_in");
        JWTClaimsSet claims =
                SignedJWT.parse(response.jsonPath().getString("access_token")).getJWTClaimsSet();
        assertThat(
                claims.getExpirationTime().toInstant().getEpochSecond()
                        - claims.getIssueTime().toInstant().getEpochSecond(),
                equalTo(expiresIn));
    }

    @Test
    void shouldRecordWhenTheClientLastObtainedAToken() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        String admin = Api.adminToken();
        Api.as(admin)
                .when()
                .get("/api/clients/" + client.clientId())
                .then()
                .statusCode(200)
                .body("lastUsedAt", equalTo(null));
        Instant before = Instant.now().minusSeconds(1);
        issued(secretPost(client, null));

        String lastUsedAt = null;
        long deadline = System.currentTimeMillis() + 5_000;
        while (lastUsedAt == null && System.currentTimeMillis() < deadline) {
            lastUsedAt = Api.as(admin)
                    .when()
                    .get("/api/clients/" + client.clientId())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("lastUsedAt");
            if (lastUsedAt == null) {
                Thread.sleep(100);
            }
        }
        assertThat("lastUsedAt after a token", lastUsedAt, notNullValue());
        Instant used = Instant.parse(lastUsedAt);
        assertThat(used.isBefore(before), is(false));
        assertThat(used.isAfter(Instant.now().plusSeconds(1)), is(false));
    }

    private static String percentEncodeAll(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }
}
