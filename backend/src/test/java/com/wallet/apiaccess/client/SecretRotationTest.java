package com.wallet.apiaccess.client;

import com.wallet.apiaccess.crypto.SecretFormat;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Rotation: POST /api/clients/{clientId}/secrets and DELETE …/secrets/{secretId}. */
@QuarkusTest
class SecretRotationTest {

    private static final List<String> ROLES = List.of("api-access:read");

    @ConfigProperty(name = "test.database.name")
    String database;

    record Made(String admin, String clientId, String oauthClientId, String secret) {}

    static Made client(String prefix) {
        String admin = Api.adminToken();
        String clientId = Api.unique(prefix);
        String secret = Api.createClient(admin, clientId, ROLES).getString("clientSecret");
        return new Made(admin, clientId, Api.oauthClientId(clientId), secret);
    }

    @Test
    void shouldMakeASecondSecretShownOnceWhileTheFirstKeepsWorking() {
        Made made = client("rot");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonPath rotated = Secrets.rotate(made.admin(), made.clientId(), Map.of())
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        String secretId = rotated.getString("secretId");
        String secret = rotated.getString("clientSecret");

        assertThat(SecretFormat.isWellFormed(secret)).isTrue();
        assertThat(secret).isNotEqualTo(made.secret());
        assertThat(Instant.parse(rotated.getString("createdAt"))).isAfterOrEqualTo(before);
        assertThat(rotated.getString("secretLink")).isNull();
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
        Secrets.tokenRequest(made.oauthClientId(), secret).then().statusCode(200);

        List<Map<String, Object>> secrets = Secrets.secretsOf(made.admin(), made.clientId());
        assertThat(secrets)
                .extracting(s -> s.get("secretId"))
                .endsWith(secretId)
                .hasSize(2);
        Instant oldRetires = Instant.parse((String) secrets.get(0).get("retiresAt"));
        assertThat(oldRetires)
                .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(secrets.get(1).get("retiresAt")).isNull();
        assertThat(secrets.get(1).get("hint")).isEqualTo("wacs_…" + secret.substring(secret.length() - 4));
        assertThat(ClientChecks.get(made.admin(), made.clientId()).extract().asString())
                .doesNotContain(secret)
                .doesNotContain(made.secret());
    }

    @Test
    void shouldAnswerTheNewSecretsLocation() {
        Made made = client("rot-loc");

        Response answer = Api.as(made.admin())
                .body(Map.of())
                .when()
                .post(ClientChecks.CLIENTS + "/" + made.clientId() + "/secrets");

        answer.then().statusCode(201).header("Location", endsWith("/secrets/" + answer.path("secretId")));
    }

    @Test
    void shouldRetireTheOldSecretAtTheInstantAsked() {
        Made made = client("rot-at");
        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        Secrets.rotate(made.admin(), made.clientId(), Map.of("retireOldAt", at.toString()))
                .statusCode(201);

        assertThat(Secrets.secretsOf(made.admin(), made.clientId()).get(0).get("retiresAt"))
                .isEqualTo(at.toString());
    }

    @Test
    void shouldRefuseARetirementInThePastOrMoreThan30DaysAhead() {
        Made made = client("rot-bad");

        isFieldError(
                Secrets.rotate(made.admin(), made.clientId(), Map.of("retireOldAt", "2020-01-01T00:00:00Z")),
                "retireOldAt");
        isFieldError(
                Secrets.rotate(
                        made.admin(),
                        made.clientId(),
                        Map.of(
                                "retireOldAt",
                                Instant.now().plus(Duration.ofDays(31)).toString())),
                "retireOldAt");
        isFieldError(Secrets.rotate(made.admin(), made.clientId(), Map.of("retireOldAt", "soon")), "retireOldAt");
        isFieldError(Secrets.rotate(made.admin(), made.clientId(), Map.of("delivery", "pigeon")), "delivery");
        isFieldError(Secrets.rotate(made.admin(), made.clientId(), Map.of("secret", "mine")), "secret");
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
    }

    @Test
    void shouldRefuseAThirdSecret() {
        Made made = client("rot-3");
        Secrets.rotated(made.admin(), made.clientId());

        isProblem(Secrets.rotate(made.admin(), made.clientId(), Map.of()), 409)
                .body("type", equalTo("urn:api-access:problem:too-many-secrets"));
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(2);
    }

    @Test
    void shouldLetOnlyOneOfTwoRacingRotationsThrough() {
        Made made = client("rot-race");

        List<Integer> statuses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> Secrets.rotate(made.admin(), made.clientId(), Map.of())
                                .extract()
                                .statusCode()))
                .toList()
                .stream()
                .map(java.util.concurrent.CompletableFuture::join)
                .toList();

        assertThat(statuses)
                .containsOnly(201, 409)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(2);
    }

    @Test
    void shouldRefuseTheRetiredSecretAndItsTokensAtOnce() {
        Made made = client("rot-del");
        String oldToken = Api.clientToken(made.oauthClientId(), made.secret());
        String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");
        String newToken = Api.clientToken(made.oauthClientId(), newSecret);
        String oldId = Secrets.secretIdAt(made.admin(), made.clientId(), 0);

        Secrets.retire(made.admin(), made.clientId(), oldId).statusCode(204);

        Secrets.tokenRequest(made.oauthClientId(), made.secret())
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        Api.as(oldToken).when().get(ClientChecks.CLIENTS).then().statusCode(401);
        Api.as(newToken).when().get(ClientChecks.CLIENTS).then().statusCode(200);
        Secrets.tokenRequest(made.oauthClientId(), newSecret).then().statusCode(200);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId()))
                .extracting(s -> s.get("secretId"))
                .doesNotContain(oldId);
    }

    @Test
    void shouldNotRetireTheLastWorkingSecret() {
        Made made = client("rot-last");
        String only = Secrets.secretIdAt(made.admin(), made.clientId(), 0);

        isProblem(Secrets.retire(made.admin(), made.clientId(), only), 409)
                .body("type", equalTo("urn:api-access:problem:last-secret"));
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
    }

    @Test
    void shouldCancelTheRotationWhenTheNewSecretIsRetired() {
        Made made = client("rot-cancel");
        Secrets.rotated(made.admin(), made.clientId());
        String newId = Secrets.secretIdAt(made.admin(), made.clientId(), 1);

        Secrets.retire(made.admin(), made.clientId(), newId).statusCode(204);

        List<Map<String, Object>> left = Secrets.secretsOf(made.admin(), made.clientId());
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("retiresAt")).isNull();
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
    }

    @Test
    void shouldRefuseASecretPastItsRetirementDateBeforeAnySweep() {
        Made made = client("rot-due");
        String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");
        String oldToken = Api.clientToken(made.oauthClientId(), made.secret());
        ClientChecks.update(
                database,
                "update client_secret set retires_at = ? where secret_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                Secrets.secretIdAt(made.admin(), made.clientId(), 0));
        Secrets.touch(made.admin(), made.clientId());

        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(401);
        Api.as(oldToken).when().get(ClientChecks.CLIENTS).then().statusCode(401);
        Secrets.tokenRequest(made.oauthClientId(), newSecret).then().statusCode(200);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownSecretOrClient() {
        Made made = client("rot-404");

        isProblem(Secrets.retire(made.admin(), made.clientId(), "0123456789abcdef"), 404);
        isProblem(Secrets.retire(made.admin(), Api.unique("nobody"), "0123456789abcdef"), 404);
        isProblem(Secrets.rotate(made.admin(), Api.unique("nobody"), Map.of()), 404);
    }

    @Test
    void shouldNotReachAnotherWalletsClient() {
        Made made = client("rot-tenant");
        ClientChecks.OwnWallet other = ClientChecks.provisionWallet("rotw");
        String secretId = Secrets.secretIdAt(made.admin(), made.clientId(), 0);

        isProblem(Secrets.rotate(other.admin(), made.clientId(), Map.of()), 404);
        isProblem(Secrets.retire(other.admin(), made.clientId(), secretId), 404);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
    }

    @Test
    void shouldNeedApiAccessChange() {
        Made made = client("rot-perm");
        String reader = Api.userWithRoles(List.of("api-access:read"));
        String secretId = Secrets.secretIdAt(made.admin(), made.clientId(), 0);

        isProblem(Secrets.rotate(reader, made.clientId(), Map.of()), 403);
        isProblem(Secrets.retire(reader, made.clientId(), secretId), 403);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
    }

    /** The attack: an api-access admin without payments roles rotates a payments client to get its power. */
    @Test
    void shouldNotHandANewSecretOfAClientToOneWhoHoldsLess() {
        String admin = Api.adminToken();
        String clientId = Api.unique("rot-above");
        String secret =
                Api.createClient(admin, clientId, List.of("payments:change")).getString("clientSecret");
        String lesser = Api.userWithRoles(List.of("api-access:change"));

        isProblem(Secrets.rotate(lesser, clientId, Map.of()), 403)
                .body("detail", org.hamcrest.Matchers.containsString("payments:change"));
        isProblem(Secrets.rotate(lesser, clientId, Map.of("delivery", "link")), 403);

        assertThat(Secrets.secretsOf(admin, clientId)).hasSize(1);
        Secrets.tokenRequest(Api.oauthClientId(clientId), secret).then().statusCode(200);
        String peer = Api.userWithRoles(List.of("api-access:change", "payments:change"));
        Secrets.rotate(peer, clientId, Map.of()).statusCode(201);
    }

    @Test
    void shouldTieEachTokenToTheSecretItWasIssuedWith() {
        Made made = client("rot-ref");
        String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");

        String oldRef = credentialRef(Api.clientToken(made.oauthClientId(), made.secret()));
        String newRef = credentialRef(Api.clientToken(made.oauthClientId(), newSecret));

        assertThat(oldRef).isNotEqualTo(newRef);
    }

    private static String credentialRef(String jwt) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("credential_ref");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
