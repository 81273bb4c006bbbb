package com.wallet.apiaccess.webhook;

import com.standardwebhooks.Webhook;
import com.wallet.apiaccess.audit.AuditEvents;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to a receiver on 127.0.0.1 (allow-private): signed as Standard Webhooks says (checked
 * with its Java library), retried on the schedule, at most once at a time across dispatchers, resumed
 * from the database. Time is driven through {@link WebhookDispatcher#deliverDue}, never waited for.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.PrivateReceivers.class)
class WebhookDeliveryTest {

    public static class PrivateReceivers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "api-access.webhooks.allow-private", "true",
                    "api-access.webhooks.timeout", "PT2S",
                    "api-access.webhooks.max-concurrent", "4");
        }
    }

    private static final Duration AWAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    Vertx vertx;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    AuditEvents events;

    @Inject
    AddressGuard guard;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    RetrySchedule retries;

    @Inject
    ApiAccessConfig config;

    private Receiver receiver;
    private String admin;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = Receiver.start(vertx);
        admin = Api.adminToken();
        // each test starts with no endpoint, so no other test's deliveries come due in it
        Webhooks.execute(database, "delete from webhook_endpoint");
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
    }

    /** Another replica's dispatcher: the same beans, a state of its own. */
    private WebhookDispatcher otherReplica() {
        return new WebhookDispatcher(pool, events, guard, sender, secrets, retries, vertx, config);
    }

    private int deliver(Instant now) {
        return dispatcher.deliverDue(now).await().atMost(AWAIT);
    }

    record Endpoint(String id, String secret) {}

    private Endpoint endpoint(String path, List<String> subscribed) {
        JsonPath created = Webhooks.create(admin, receiver.url(path), subscribed)
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Endpoint(created.getString("id"), created.getString("secret"));
    }

    private long clientCreated() throws Exception {
        return Webhooks.recordEvent(database, "client.created", "client", Api.unique("hooked"));
    }

    private List<Map<String, Object>> deliveriesOf(Endpoint endpoint) {
        return Webhooks.deliveries(admin, endpoint.id())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    @Test
    void shouldSendTheEventSignedAsStandardWebhooksSays() throws Exception {
        Endpoint endpoint = endpoint("/hook", List.of("client.created"));
        long eventId = clientCreated();

        assertThat(deliver(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(receiver.received).hasSize(1);
        Receiver.Received got = receiver.received.get(0);
        new Webhook(endpoint.secret()).verify(got.body(), got.headers());
        assertThat(got.path()).isEqualTo("/hook");
        assertThat(got.header("content-type")).startsWith("application/json");
        assertThat(got.header("webhook-id")).isEqualTo("evt_" + eventId);
        JsonObject body = new JsonObject(got.body());
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
        assertThat(body.getString("type")).isEqualTo("client.created");
        JsonObject data = body.getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo(Long.toString(eventId));
        assertThat(data.getString("action")).isEqualTo("client.created");
        assertThat(data.getJsonObject("actor").getString("type")).isEqualTo("user");
        assertThat(data.getJsonObject("target").getString("type")).isEqualTo("client");
        assertThat(data.getJsonObject("changes").getJsonObject("roles").getJsonArray("added"))
                .containsExactly("accounts:read");
        assertThat(body.getString("timestamp")).isEqualTo(data.getString("at"));

        List<Map<String, Object>> deliveries = deliveriesOf(endpoint);
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0))
                .containsEntry("eventId", Long.toString(eventId))
                .containsEntry("type", "client.created")
                .containsEntry("status", "delivered")
                .containsEntry("attempts", 1)
                .containsEntry("lastError", null);
        assertThat(deliveries.get(0).get("lastAttemptAt")).isNotNull();
        assertThat(deliver(Instant.now().plus(Duration.ofDays(1)))).isZero();
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void shouldRetryOnTheScheduleAfterTheReceiverFailsTwice() throws Exception {
        receiver.answering(500, 503);
        Endpoint endpoint = endpoint("/flaky", List.of("client.created"));
        clientCreated();
        Instant start = Instant.now();

        deliver(start);
        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "pending")
                .containsEntry("attempts", 1)
                .containsEntry("lastError", "HTTP 500");
        deliver(start.plusSeconds(4));
        assertThat(receiver.received).as("not due before 5 s").hasSize(1);

        deliver(start.plusSeconds(6));
        assertThat(receiver.received).hasSize(2);
        assertThat(deliveriesOf(endpoint).get(0)).containsEntry("attempts", 2).containsEntry("lastError", "HTTP 503");
        deliver(start.plusSeconds(6).plus(Duration.ofMinutes(4)));
        assertThat(receiver.received).as("not due before 5 min more").hasSize(2);

        deliver(start.plusSeconds(6).plus(Duration.ofMinutes(6)));
        assertThat(receiver.received).hasSize(3);
        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "delivered")
                .containsEntry("attempts", 3)
                .containsEntry("lastError", null);
        assertThat(receiver.ids())
                .as("webhook-id is stable across retries")
                .containsOnly(receiver.ids().get(0));
        Webhook verifier = new Webhook(endpoint.secret());
        for (Receiver.Received attempt : receiver.received) {
            long timestamp = Long.parseLong(attempt.header("webhook-timestamp"));
            assertThat(attempt.header("webhook-signature"))
                    .isEqualTo(verifier.sign(attempt.header("webhook-id"), timestamp, attempt.body()));
        }
        assertThat(Long.parseLong(receiver.received.get(2).header("webhook-timestamp")))
                .isEqualTo(start.plusSeconds(6).plus(Duration.ofMinutes(6)).getEpochSecond());
    }

    @Test
    void shouldFailTheDeliveryAfterTheLastRetry() throws Exception {
        receiver.answering(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        Endpoint endpoint = endpoint("/down", List.of("client.created"));
        clientCreated();
        Instant now = Instant.now();

        for (int i = 0; i < 10; i++) {
            deliver(now);
            now = now.plus(Duration.ofHours(12));
        }

        assertThat(receiver.received)
                .as("the first attempt and one per retry delay")
                .hasSize(8);
        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "failed")
                .containsEntry("attempts", 8)
                .containsEntry("lastError", "HTTP 500");
    }

    @Test
    void shouldAttemptEachDeliveryOnceWhenTwoDispatchersRunAtOnce() throws Exception {
        receiver.delayMillis = 50;
        endpoint("/busy", List.of("client.created"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("evt_" + clientCreated());
        }
        WebhookDispatcher other = otherReplica();
        Instant now = Instant.now();

        int attempted;
        do {
            CompletableFuture<Integer> one =
                    dispatcher.deliverDue(now).subscribeAsCompletionStage().toCompletableFuture();
            CompletableFuture<Integer> two =
                    other.deliverDue(now).subscribeAsCompletionStage().toCompletableFuture();
            attempted = one.get() + two.get();
        } while (attempted > 0);

        assertThat(receiver.ids()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldResumeAPendingDeliveryWhenAFreshDispatcherRuns() throws Exception {
        Endpoint endpoint = endpoint("/later", List.of("client.created"));
        long eventId = clientCreated();
        // a replica claimed it and died before it could tell: its lease runs for a minute more
        Webhooks.execute(
                database,
                "update webhook_delivery set next_attempt_at = now() + interval '1 minute'"
                        + " where event_id = ? and status = 'pending'",
                eventId);
        assertThat(deliveriesOf(endpoint).get(0)).containsEntry("status", "pending");

        deliver(Instant.now());
        assertThat(receiver.received).as("while the lease runs").isEmpty();

        otherReplica()
                .deliverDue(Instant.now().plus(Duration.ofMinutes(2)))
                .await()
                .atMost(AWAIT);

        assertThat(receiver.ids()).containsExactly("evt_" + eventId);
        assertThat(deliveriesOf(endpoint).get(0)).containsEntry("status", "delivered");
    }

    @Test
    void shouldSendTheTestEventToThatEndpointAlone() {
        Endpoint tested = endpoint("/tested", List.of("client.deleted"));
        Endpoint other = endpoint("/other", List.of("client.deleted"));

        Webhooks.test(admin, tested.id()).statusCode(202);
        deliver(Instant.now());

        assertThat(receiver.received).hasSize(1);
        assertThat(receiver.received.get(0).path()).isEqualTo("/tested");
        JsonObject body = new JsonObject(receiver.received.get(0).body());
        assertThat(body.getString("type")).isEqualTo("webhook.test");
        assertThat(body.getJsonObject("data").getJsonObject("target").getString("id"))
                .isEqualTo(tested.id());
        assertThat(deliveriesOf(tested)).extracting(d -> d.get("type")).containsExactly("webhook.test");
        assertThat(deliveriesOf(other)).isEmpty();
    }

    @Test
    void shouldQueueOnlyForEnabledEndpointsOfTheWalletSubscribedToTheEvent() throws Exception {
        Endpoint subscribed = endpoint("/yes", List.of("user.created", "client.created"));
        Endpoint otherEvents = endpoint("/no-events", List.of("user.created"));
        Endpoint disabled = endpoint("/no-disabled", List.of("client.created"));
        Webhooks.update(
                        admin,
                        disabled.id(),
                        Map.of(
                                "url",
                                receiver.url("/no-disabled"),
                                "events",
                                List.of("client.created"),
                                "enabled",
                                false))
                .statusCode(200);
        String elsewhere = Webhooks.ownWalletAdmin();
        Webhooks.create(elsewhere, receiver.url("/no-wallet"), List.of("client.created"))
                .statusCode(201);

        clientCreated();
        deliver(Instant.now());

        assertThat(receiver.received).extracting(Receiver.Received::path).containsExactly("/yes");
        assertThat(deliveriesOf(subscribed)).hasSize(1);
        assertThat(deliveriesOf(otherEvents)).isEmpty();
        assertThat(deliveriesOf(disabled)).isEmpty();
    }

    @Test
    void shouldStopSendingToAnEndpointOnceDisabled() throws Exception {
        receiver.answering(500);
        Endpoint endpoint = endpoint("/paused", List.of("client.created"));
        clientCreated();
        Instant now = Instant.now();
        deliver(now);

        Webhooks.update(
                        admin,
                        endpoint.id(),
                        Map.of("url", receiver.url("/paused"), "events", List.of("client.created"), "enabled", false))
                .statusCode(200);
        deliver(now.plus(Duration.ofHours(1)));

        assertThat(receiver.received).hasSize(1);
        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "failed")
                .containsEntry("lastError", "the endpoint was disabled");
    }

    @Test
    void shouldNotFollowARedirect() throws Exception {
        receiver.redirectTo = receiver.url("/elsewhere");
        Endpoint endpoint = endpoint("/moved", List.of("client.created"));
        clientCreated();

        deliver(Instant.now());

        assertThat(receiver.received).extracting(Receiver.Received::path).containsExactly("/moved");
        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "pending")
                .containsEntry("lastError", "HTTP 302");
    }

    @Test
    void shouldGiveUpAnAttemptAtTheTimeout() throws Exception {
        receiver.silent = true;
        Endpoint endpoint = endpoint("/silent", List.of("client.created"));
        clientCreated();

        deliver(Instant.now());

        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "pending")
                .containsEntry("lastError", "no answer within 2 s");
    }

    @Test
    void shouldSayWhenTheReceiverIsNotListening() throws Exception {
        Endpoint endpoint = endpoint("/gone", List.of("client.created"));
        receiver.close();
        clientCreated();

        deliver(Instant.now());

        assertThat(deliveriesOf(endpoint).get(0))
                .containsEntry("status", "pending")
                .containsEntry("lastError", "connection refused or unreachable");
        receiver = Receiver.start(vertx);
    }

    @Test
    void shouldNeverLogOrAuditTheSecret() throws Exception {
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(' ').append(parameter);
                    }
                }
                logged.add(text.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger.getLogger("").addHandler(capture);
        String secret;
        try {
            receiver.answering(500);
            Endpoint endpoint = endpoint("/quiet", List.of("client.created"));
            secret = endpoint.secret();
            Webhooks.test(admin, endpoint.id()).statusCode(202);
            clientCreated();
            Instant now = Instant.now();
            deliver(now);
            deliver(now.plusSeconds(10));
            Webhooks.update(
                            admin,
                            endpoint.id(),
                            Map.of("url", receiver.url("/quiet"), "events", List.of("user.created")))
                    .statusCode(200);
            Webhooks.delete(admin, endpoint.id()).statusCode(204);
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }

        assertThat(receiver.received).hasSize(3);
        String key = secret.substring("whsec_".length());
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(key));
        assertThat(Webhooks.rows(
                        database,
                        "select id from audit_event where strpos(coalesce(changes::text, ''), ?) > 0",
                        key.substring(0, 16)))
                .isEmpty();
        assertThat(receiver.received).noneMatch(r -> r.body().contains(key));
    }

    @Test
    void shouldNameAnIpv6HostInBrackets() throws Exception {
        try (Receiver v6 = Receiver.startOnIpv6(vertx)) {
            String url = v6.url("/v6");
            Webhooks.create(admin, url, List.of("client.created")).statusCode(201);
            clientCreated();

            deliver(Instant.now());

            assertThat(v6.received).hasSize(1);
            assertThat(v6.received.get(0).headers().get("host")).hasSize(1);
            assertThat(v6.received.get(0).header("host"))
                    .isEqualTo(url.substring("http://".length(), url.indexOf("/v6")));
        }
    }
}
