package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The endpoints API in the default profile (https to public addresses only): the secret shown once,
 * the SSRF rule at save and at delivery, events, permissions, other wallets, and the audit events.
 * Names under example.test are pointed by the test ({@link Webhooks.PointedResolver}).
 */
@QuarkusTest
class WebhookApiTest {

    /** Events that never happen in the test wallet during the tests: nothing gets sent to these hosts. */
    private static final List<String> QUIET = List.of("wallet.created");

    private static final String PUBLIC = "93.184.215.14";

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    Vertx vertx;

    @Inject
    WebhookDispatcher dispatcher;

    private Webhooks.PointedResolver resolver;
    private String admin;

    @BeforeEach
    void pointNames() {
        resolver = new Webhooks.PointedResolver(vertx)
                .point("hooks.example.test", PUBLIC)
                .point("private.example.test", "10.1.2.3")
                .point("mixed.example.test", PUBLIC, "192.168.0.7")
                .point("v6.example.test", "2606:4700:4700::1111")
                .point("mapped.example.test", "::ffff:127.0.0.1");
        QuarkusMock.installMockForType(resolver, HostResolver.class);
        // a wallet of its own for each test, so that no test counts another's endpoints
        admin = Webhooks.ownWalletAdmin();
    }

    private static String id(Response created) {
        return created.then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldAddAnEndpointAndShowItsSecretThisOnceOnly() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Response answer = Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/in?token=abc", "events", List.of("wallet.created")))
                .when()
                .post(Webhooks.PATH);

        JsonPath created = answer.then()
                .statusCode(201)
                .header("Location", endsWith(Webhooks.PATH + "/" + answer.path("id")))
                .header("Cache-Control", "no-store")
                .body("url", equalTo("https://hooks.example.test/in?token=abc"))
                .body("events", equalTo(List.of("wallet.created")))
                .body("enabled", equalTo(true))
                .extract()
                .jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
        assertThat(Instant.parse(created.getString("createdAt"))).isAfter(before);

        String listed = Webhooks.list(admin).statusCode(200).extract().asString();
        assertThat(listed)
                .contains(created.getString("id"))
                .doesNotContain(secret)
                .doesNotContain("secret");
        List<List<String>> stored = Webhooks.rows(
                database,
                "select secret_sealed from webhook_endpoint where id = cast(? as uuid)",
                created.getString("id"));
        assertThat(stored.get(0).get(0)).doesNotContain(secret.substring(6, 20));
        List<List<String>> audited = Webhooks.rows(
                database,
                "select action, actor_id, changes::text from audit_event where target_type = 'webhook'"
                        + " and target_id = ?",
                created.getString("id"));
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get(0)).isEqualTo("webhook.created");
        assertThat(audited.get(0).get(1)).isEqualTo("boss");
        assertThat(audited.get(0).get(2))
                .contains("https://hooks.example.test/in")
                .doesNotContain("token=abc")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(6));
    }

    @Test
    void shouldRefuseUrlsThatAreNotHttpsToPublicAddresses() throws Exception {
        for (String url : List.of(
                "http://127.0.0.1/refused",
                "http://10.0.0.1/refused",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/refused",
                "https://localhost/refused",
                "https://private.example.test/refused",
                "https://mixed.example.test/refused",
                "https://mapped.example.test/refused",
                "https://[::ffff:127.0.0.1]/refused",
                "https://[fd00::1]/refused",
                "https://0.0.0.0/refused",
                "https://100.64.0.1/refused",
                "https://224.0.0.1/refused",
                "https://unknown-name.invalid/refused",
                "http://hooks.example.test/refused",
                "ftp://hooks.example.test/refused",
                "https://user:password@hooks.example.test/refused",
                "https://hooks.example.test/refused#part",
                "hooks.example.test/refused",
                "https:///refused",
                "not a url at all",
                "https://hooks.example.test/" + "a".repeat(2000))) {
            Webhooks.isFieldError(Webhooks.create(admin, url, QUIET), "url");
        }
        Webhooks.isFieldError(Webhooks.create(admin, Map.of("events", QUIET)), "url");
        assertThat(Webhooks.rows(database, "select 1 from webhook_endpoint where url like '%/refused%'"))
                .isEmpty();
    }

    @Test
    void shouldAcceptAPublicIpv6Host() {
        id(Api.as(admin)
                .body(Map.of("url", "https://v6.example.test:8443/hook", "events", QUIET))
                .when()
                .post(Webhooks.PATH));
    }

    @Test
    void shouldNameEachEventItDoesNotKnow() {
        Webhooks.create(admin, "https://hooks.example.test/e", List.of("client.created", "nope", "client.created"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("events[1]", "events[2]")));
        Webhooks.isFieldError(Webhooks.create(admin, "https://hooks.example.test/e", List.of()), "events");
        Webhooks.isFieldError(Webhooks.create(admin, Map.of("url", "https://hooks.example.test/e")), "events");
        Webhooks.isFieldError(
                Webhooks.create(admin, "https://hooks.example.test/e", List.of("webhook.test")), "events[0]");
        Webhooks.isFieldError(
                Webhooks.create(admin, "https://hooks.example.test/e", List.of("webhook.created")), "events[0]");
        Webhooks.create(admin, "ftp://x", List.of("nope"))
                .statusCode(400)
                .body("errors.field", hasItems("url", "events[0]"));
        Webhooks.isFieldError(
                Webhooks.create(
                        admin, Map.of("url", "https://hooks.example.test/e", "events", QUIET, "secret", "mine")),
                "secret");
        Api.as(admin)
                .body("{\"url\": \"https://hooks.example.test/e\", \"url\": \"https://hooks.example.test/f\","
                        + " \"events\": [\"wallet.created\"]}")
                .when()
                .post(Webhooks.PATH)
                .then()
                .statusCode(400);
        Webhooks.isFieldError(
                Webhooks.create(admin, Map.of("url", "https://hooks.example.test/e", "events", "client.created")),
                "events");
    }

    @Test
    void shouldAcceptEveryEventOfTheContract() {
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/all", "events", EventTypes.SUBSCRIBABLE))
                .when()
                .post(Webhooks.PATH));
        Webhooks.update(admin, id, Map.of("url", "https://hooks.example.test/all", "events", QUIET))
                .statusCode(200)
                .body("events", equalTo(QUIET));
    }

    @Test
    void shouldChangeAnEndpointAndAuditWhatChanged() throws Exception {
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/v1", "events", QUIET))
                .when()
                .post(Webhooks.PATH));

        Webhooks.update(
                        admin,
                        id,
                        Map.of(
                                "url",
                                "https://hooks.example.test/v2",
                                "events",
                                List.of("wallet.created", "client.expired"),
                                "enabled",
                                false))
                .statusCode(200)
                .body("id", equalTo(id))
                .body("url", equalTo("https://hooks.example.test/v2"))
                .body("enabled", equalTo(false))
                .body("events", equalTo(List.of("wallet.created", "client.expired")));
        Webhooks.update(admin, id, Map.of("url", "https://hooks.example.test/v2", "events", QUIET))
                .statusCode(200)
                .body("enabled", equalTo(false));
        Webhooks.isFieldError(
                Webhooks.update(admin, id, Map.of("url", "https://private.example.test/v3", "events", QUIET)), "url");

        List<List<String>> audited = Webhooks.rows(
                database,
                "select changes::text from audit_event where target_type = 'webhook' and target_id = ?"
                        + " and action = 'webhook.updated' order by id",
                id);
        assertThat(audited).hasSize(2);
        assertThat(new io.vertx.core.json.JsonObject(audited.get(0).get(0)))
                .isEqualTo(new io.vertx.core.json.JsonObject()
                        .put(
                                "url",
                                Map.of(
                                        "from", "https://hooks.example.test/v1",
                                        "to", "https://hooks.example.test/v2"))
                        .put("events", Map.of("added", List.of("client.expired"), "removed", List.of()))
                        .put("enabled", Map.of("from", true, "to", false)));
        assertThat(Webhooks.list(admin).extract().jsonPath().getList("findAll { it.id == '" + id + "' }.url"))
                .containsExactly("https://hooks.example.test/v2");
    }

    @Test
    void shouldDeleteAnEndpointAndItsDeliveries() throws Exception {
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/bye", "events", QUIET))
                .when()
                .post(Webhooks.PATH));

        Webhooks.delete(admin, id).statusCode(204);

        Webhooks.delete(admin, id).statusCode(404);
        Webhooks.deliveries(admin, id).statusCode(404);
        assertThat(Webhooks.list(admin).extract().asString()).doesNotContain(id);
        assertThat(Webhooks.rows(
                        database,
                        "select action from audit_event where target_type = 'webhook' and target_id = ? order by id",
                        id))
                .extracting(row -> row.get(0))
                .containsExactly("webhook.created", "webhook.deleted");
    }

    @Test
    void shouldNeedWebhooksRolesForEachCall() {
        String admin = Api.adminToken();
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/roles", "events", QUIET))
                .when()
                .post(Webhooks.PATH));
        String reader = Api.userWithRoles(List.of("webhooks:read"));
        String changer = Api.userWithRoles(List.of("webhooks:change"));
        String nobody = Api.userWithRoles(List.of("accounts:read"));
        Map<String, Object> body = Map.of("url", "https://hooks.example.test/roles", "events", QUIET);

        Webhooks.list(reader).statusCode(200);
        Webhooks.deliveries(reader, id).statusCode(200);
        Webhooks.create(reader, body).statusCode(403);
        Webhooks.update(reader, id, body).statusCode(403);
        Webhooks.test(reader, id).statusCode(403);
        Webhooks.delete(reader, id).statusCode(403);
        Webhooks.list(nobody).statusCode(403);
        Webhooks.deliveries(nobody, id).statusCode(403);
        Webhooks.create(nobody, body).statusCode(403);
        Api.as("not-a-token").when().get(Webhooks.PATH).then().statusCode(401);

        Webhooks.list(changer).statusCode(200);
        Webhooks.update(changer, id, body).statusCode(200);
        Webhooks.test(changer, id).statusCode(202);
        Webhooks.delete(changer, id).statusCode(204);
    }

    @Test
    void shouldAnswer404ForAnotherWalletsEndpoint() {
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/mine", "events", QUIET))
                .when()
                .post(Webhooks.PATH));
        String stranger = Webhooks.ownWalletAdmin();
        Map<String, Object> body = Map.of("url", "https://hooks.example.test/theirs", "events", QUIET);

        Webhooks.update(stranger, id, body).statusCode(404);
        Webhooks.delete(stranger, id).statusCode(404);
        Webhooks.test(stranger, id).statusCode(404);
        Webhooks.deliveries(stranger, id).statusCode(404);
        assertThat(Webhooks.list(stranger).extract().asString()).doesNotContain(id);
        for (String unknown : List.of("00000000-0000-0000-0000-000000000000", "nope", "1", "%20")) {
            Webhooks.delete(admin, unknown).statusCode(404);
            Webhooks.deliveries(admin, unknown).statusCode(404);
        }
        Webhooks.list(admin).statusCode(200);
        Webhooks.deliveries(admin, id).statusCode(200);
    }

    @Test
    void shouldRefuseBadPagingOfDeliveries() {
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://hooks.example.test/pages", "events", QUIET))
                .when()
                .post(Webhooks.PATH));

        Webhooks.isFieldError(
                Api.as(admin)
                        .queryParam("size", "101")
                        .when()
                        .get(Webhooks.PATH + "/" + id + "/deliveries")
                        .then(),
                "size");
        Webhooks.isFieldError(
                Api.as(admin)
                        .queryParam("page", "-1")
                        .when()
                        .get(Webhooks.PATH + "/" + id + "/deliveries")
                        .then(),
                "page");
        Webhooks.deliveries(admin, id)
                .statusCode(200)
                .body("items", equalTo(List.of()))
                .body("total", equalTo(0))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    /** DNS rebinding: a name that was public when saved and points inward later is not called. */
    @Test
    void shouldCheckTheAddressAgainBeforeEachAttempt() throws Exception {
        resolver.point("rebind.example.test", PUBLIC);
        String id = id(Api.as(admin)
                .body(Map.of("url", "https://rebind.example.test/hook", "events", QUIET))
                .when()
                .post(Webhooks.PATH));
        resolver.point("rebind.example.test", "127.0.0.1");

        Webhooks.test(admin, id).statusCode(202);
        dispatcher.deliverDue(Instant.now()).await().atMost(Duration.ofSeconds(30));

        List<Map<String, Object>> deliveries = Webhooks.deliveries(admin, id)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0))
                .containsEntry("type", "webhook.test")
                .containsEntry("status", "pending")
                .containsEntry("attempts", 1);
        assertThat((String) deliveries.get(0).get("lastError")).contains("public");
    }

    @Test
    void shouldRefuseA21stEndpoint() {
        for (int i = 0; i < WebhookService.MAX_PER_WALLET; i++) {
            Webhooks.create(admin, "https://hooks.example.test/n" + i, QUIET).statusCode(201);
        }

        Webhooks.create(admin, "https://hooks.example.test/one-more", QUIET)
                .statusCode(409)
                .body("type", equalTo("urn:api-access:problem:too-many-webhooks"));
        Webhooks.delete(admin, Webhooks.list(admin).extract().path("[0].id")).statusCode(204);
        Webhooks.create(admin, "https://hooks.example.test/one-more", QUIET).statusCode(201);
    }
}
