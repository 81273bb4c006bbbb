package com.wallet.apiaccess.resilience;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away while the token endpoint and the admin API are under load: answers become
 * 503 within 2 seconds and never hang, readiness goes down, and when PostgreSQL comes back the
 * service recovers by itself. What was acknowledged before is still there; what was refused during
 * the outage left nothing behind.
 */
class DatabaseOutageIT {

    private static final Duration PROMPT = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Outcome(long sentAtNanos, long tookMillis, int status, String body) {
    }

    @Test
    void shouldAnswer503WithinTwoSecondsDuringAnOutageAndRecoverByItself() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.create();
             PackagedService service = PackagedService.start("outage-it", Map.of(
                     "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgres.port() + "/apiaccess",
                     "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/apiaccess",
                     "quarkus.datasource.username", "postgres",
                     "quarkus.datasource.password", "",
                     "api-access.bootstrap.wallet-key", "outage",
                     "api-access.bootstrap.admin-username", "admin",
                     "api-access.bootstrap.admin-password", "outage-password-1",
                     "api-access.password.bcrypt-cost", "4",
                     "api-access.allow-insecure-defaults", "true"))) {
            String base = service.baseUrl();
            String admin = field(send(post(base + "/api/session", "application/json",
                    "{\"wallet\":\"outage\",\"username\":\"admin\",\"password\":\"outage-password-1\"}")).body(), "token");
            String secret = field(createClient(base, admin, "load").body(), "clientSecret");
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                assertThat(createClient(base, admin, "before-" + i).statusCode()).isEqualTo(201);
                acknowledged.add("before-" + i);
            }

            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                load.submit(() -> {
                    while (running.get()) {
                        HttpRequest request = thread % 2 == 0
                                ? post(base + "/oauth2/token", "application/x-www-form-urlencoded",
                                "grant_type=client_credentials&client_id=wallet-outage-load&client_secret="
                                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                                : HttpRequest.newBuilder(URI.create(base + "/api/clients?size=5"))
                                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(10)).build();
                        outcomes.add(timed(request));
                    }
                    return null;
                });
            }
            Thread.sleep(1500);
            long stoppedAt = System.nanoTime();
            postgres.stop();
            Thread.sleep(3500);

            HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build());
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> create = createClient(base, admin, "during-" + i);
                assertThat(create.statusCode()).as("a create during the outage").isEqualTo(503);
                assertThat(create.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                refused.add("during-" + i);
            }
            long restartedAt = System.nanoTime();
            postgres.start();

            long recoveredAt = awaitRecovery(base, secret, admin, Duration.ofSeconds(20));
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(ready.statusCode()).as("readiness while the database is down").isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");

            List<Outcome> afterStop = outcomes.stream().filter(o -> o.sentAtNanos() >= stoppedAt).toList();
            assertThat(afterStop).as("requests during the outage").isNotEmpty();
            assertThat(afterStop).allSatisfy(o -> assertThat(o.tookMillis())
                    .as("every answer during the outage comes within %s", PROMPT).isLessThanOrEqualTo(PROMPT.toMillis()));
            List<Outcome> settled = outcomes.stream()
                    .filter(o -> o.sentAtNanos() >= stoppedAt + PROMPT.toNanos() && o.sentAtNanos() < restartedAt)
                    .toList();
            assertThat(settled).as("requests sent 2 s after the stop").isNotEmpty();
            assertThat(settled).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(503);
                assertThat(o.body()).containsAnyOf("\"temporarily_unavailable\"", "\"status\":503");
            });
            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.body()).isIn(200, 503));
            assertThat(Duration.ofNanos(recoveredAt - restartedAt)).isLessThan(Duration.ofSeconds(20));

            for (String clientId : acknowledged) {
                assertThat(send(get(base + "/api/clients/" + clientId, admin)).statusCode())
                        .as("acknowledged before the outage: %s", clientId).isEqualTo(200);
            }
            for (String clientId : refused) {
                assertThat(send(get(base + "/api/clients/" + clientId, admin)).statusCode())
                        .as("refused during the outage: %s", clientId).isEqualTo(404);
            }
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build()).statusCode())
                    .isEqualTo(200);
        }
    }

    /** Recovered: both endpoints answer 200 five times in a row. */
    private long awaitRecovery(String base, String secret, String admin, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int streak = 0;
        while (System.nanoTime() < deadline) {
            Outcome token = timed(post(base + "/oauth2/token", "application/x-www-form-urlencoded",
                    "grant_type=client_credentials&client_id=wallet-outage-load&client_secret="
                            + URLEncoder.encode(secret, StandardCharsets.UTF_8)));
            Outcome list = timed(get(base + "/api/clients?size=5", admin));
            streak = token.status() == 200 && list.status() == 200 ? streak + 1 : 0;
            if (streak == 5) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The service did not recover within " + timeout);
    }

    private HttpResponse<String> createClient(String base, String admin, String clientId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\":\"" + clientId + "\",\"roles\":[\"accounts:read\"]}"))
                .build());
    }

    private Outcome timed(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(start, (System.nanoTime() - start) / 1_000_000, response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Outcome(start, (System.nanoTime() - start) / 1_000_000, -1, "hung");
        } catch (IOException | InterruptedException e) {
            return new Outcome(start, (System.nanoTime() - start) / 1_000_000, -2, e.toString());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(10)).build();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
