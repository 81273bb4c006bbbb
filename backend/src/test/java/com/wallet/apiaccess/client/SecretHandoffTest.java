package com.wallet.apiaccess.client;

import com.wallet.apiaccess.crypto.SecretFormat;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The one-time secret link: delivery "link" gives the admin a link instead of the secret; the secret is
 * made when the integrator opens it, once; the link's token is stored only as a digest.
 */
@QuarkusTest
class SecretHandoffTest {

    private static final List<String> ROLES = List.of("accounts:read");

    @ConfigProperty(name = "test.database.name")
    String database;

    private record Linked(String admin, String clientId, String link, JsonPath created) {
        String token() {
            return Secrets.linkToken(link);
        }
    }

    private static Linked createWithLink(String prefix) {
        String admin = Api.adminToken();
        String clientId = Api.unique(prefix);
        JsonPath created = ClientChecks.post(admin, Map.of("clientId", clientId, "roles", ROLES, "delivery", "link"))
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Linked(admin, clientId, created.getString("secretLink"), created);
    }

    @Test
    void shouldAnswerALinkAndNoSecret() {
        Instant before = Instant.now();
        Linked linked = createWithLink("link");

        assertThat(linked.created().getString("clientSecret")).isNull();
        assertThat(linked.link()).startsWith("http://localhost:8081/handoff#");
        assertThat(linked.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Instant.parse(linked.created().getString("secretLinkExpiresAt")))
                .isBetween(before.plus(Duration.ofHours(72)), Instant.now().plus(Duration.ofHours(72)));
        Map<String, Object> pending = linked.created().getMap("secrets[0]");
        assertThat(pending.get("hint")).isNull();
        assertThat(pending.get("linkExpiresAt")).isEqualTo(linked.created().getString("secretLinkExpiresAt"));
    }

    @Test
    void shouldShowTheSecretOnceToWhoeverOpensTheLink() {
        Linked linked = createWithLink("link-open");
        Secrets.lookUp(linked.token())
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("state", equalTo("ready"))
                .body("oauthClientId", equalTo(Api.oauthClientId(linked.clientId())))
                .body("walletName", equalTo("Acme Corp"))
                .body("openedAt", nullValue());

        JsonPath opened = Secrets.open(linked.token())
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("oauthClientId", equalTo(Api.oauthClientId(linked.clientId())))
                .body("tokenEndpoint", equalTo("http://localhost:8081/oauth2/token"))
                .extract()
                .jsonPath();

        String secret = opened.getString("clientSecret");
        assertThat(SecretFormat.isWellFormed(secret)).isTrue();
        Api.clientToken(Api.oauthClientId(linked.clientId()), secret);
        isProblem(Secrets.open(linked.token()), 410).body("type", equalTo("urn:api-access:problem:link-used"));
        Secrets.lookUp(linked.token()).statusCode(200).body("state", equalTo("used"));
        Map<String, Object> shown =
                Secrets.secretsOf(linked.admin(), linked.clientId()).get(0);
        assertThat(shown.get("hint")).isEqualTo(SecretFormat.hint(secret));
        assertThat(shown.get("linkExpiresAt")).isNull();
    }

    @Test
    void shouldAuthenticateNothingBeforeTheLinkIsOpened() {
        Linked linked = createWithLink("link-none");

        Secrets.tokenRequest(Api.oauthClientId(linked.clientId()), linked.token())
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldKeepNeitherTheLinkNorTheSecretInClear() {
        Linked linked = createWithLink("link-digest");
        String secret = Secrets.open(linked.token()).statusCode(200).extract().path("clientSecret");

        String row = "select concat_ws(' ', s.secret_id, s.digest, s.credential_ref, s.hint, s.link_digest)"
                + " from client_secret s join api_client c on c.id = s.client_row_id where c.client_id = ?";
        assertThat(ClientChecks.number(
                        database,
                        "select count(*) from (" + row + ") r(t) where strpos(t, ?) > 0",
                        linked.clientId(),
                        linked.token()))
                .isZero();
        assertThat(ClientChecks.number(
                        database,
                        "select count(*) from (" + row + ") r(t) where strpos(t, ?) > 0",
                        linked.clientId(),
                        secret.substring(5, 30)))
                .isZero();
    }

    @Test
    void shouldRefuseAnExpiredLink() {
        Linked linked = createWithLink("link-late");
        ClientChecks.update(
                database,
                "update client_secret set link_expires_at = ? where secret_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                linked.created().getString("secrets[0].secretId"));

        Secrets.lookUp(linked.token()).statusCode(200).body("state", equalTo("expired"));
        isProblem(Secrets.open(linked.token()), 410).body("type", equalTo("urn:api-access:problem:link-expired"));
    }

    @Test
    void shouldLetTheAdminRevokeAnUnopenedLink() {
        Linked linked = createWithLink("link-revoke");

        Secrets.retire(linked.admin(), linked.clientId(), linked.created().getString("secrets[0].secretId"))
                .statusCode(204);

        isProblem(Secrets.lookUp(linked.token()), 404);
        isProblem(Secrets.open(linked.token()), 404);
        assertThat(Secrets.secretsOf(linked.admin(), linked.clientId())).isEmpty();
    }

    @Test
    void shouldRotateWithALinkTooAndKeepTheOldSecretWorking() {
        SecretRotationTest.Made made = SecretRotationTest.client("link-rot");

        JsonPath rotated = Secrets.rotate(made.admin(), made.clientId(), Map.of("delivery", "link"))
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(rotated.getString("clientSecret")).isNull();
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
        String secret = Secrets.open(Secrets.linkToken(rotated.getString("secretLink")))
                .statusCode(200)
                .extract()
                .path("clientSecret");
        Secrets.tokenRequest(made.oauthClientId(), secret).then().statusCode(200);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForATokenThatIsNoLink() {
        isProblem(Secrets.lookUp("x".repeat(43)), 404);
        isProblem(Secrets.open("x".repeat(43)), 404);
        isProblem(Secrets.open(""), 404);
        isProblem(Secrets.open("x".repeat(5000)), 404);
    }

    @Test
    void shouldNeedNoSignInButABody() {
        isProblem(
                given().contentType(ContentType.JSON)
                        .when()
                        .post("/api/handoff/open")
                        .then(),
                400);
        isProblem(
                given().contentType(ContentType.JSON)
                        .body("{\"token\": 5}")
                        .when()
                        .post("/api/handoff/open")
                        .then(),
                400);
    }
}
