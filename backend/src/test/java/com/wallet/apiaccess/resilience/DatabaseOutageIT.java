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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away under a mixed load (token endpoint, client list, get and create, user list,
 * sign-in) from several workers, stays away, and comes back. At no moment, its start and its end
 * included, does any request answer a 5xx other than 503, hang, or lose its connection: every answer
 * is what that call answers with a database (200, 201, 401, 404, 409, 429 where each is legitimate)
 * or 503. While the database is down every answer is a prompt 503 and readiness is DOWN; when it is
 * back the service recovers by itself. What was acknowledged (201) is there afterwards; what was
 * refused while the database was down left nothing. The service logs no error it should not.
 */
class DatabaseOutageIT {

    /** How soon every answer comes while the database is down (docs/operations.md promises it). */
    private static final Duration PROMPT = Duration.ofSeconds(2);
    /** No request, at any moment, waits longer than this for its answer: beyond it, it hung. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Generous, for a machine whose 2 cores are shared with other builds. */
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(60);
    /** How long after the stop the load goes on: past Vert.x's default pool connection timeout (30 s). */
    private static final Duration LINGER = Duration.ofSeconds(35);

    private static final int WORKERS = 6;
    /** Each kind of call is made at least this often in each phase before the next phase begins. */
    private static final int PER_PHASE = 5;
    /**
     * The one ERROR an outage may log: Hibernate Reactive says so when a transaction in flight at the
     * stop could not start, commit or roll back (and passes the failure on, which answers 503).
     */
    private static final Pattern EXPECTED_ERROR = Pattern.compile(
            " ERROR \\[org\\.hibernate\\.reactive\\.pool\\.impl\\.SqlClientConnection\\] .*Failed to (start a|commit|rollback) transaction: ");

    private static final int HUNG = -1;
    private static final int BROKEN = -2;
    private static final String WALLET = "outage";
    private static final String PASSWORD = "outage-password-1";

    /** The calls of the load, each with what it answers while the database is up. */
    enum Call {
        TOKEN(200),
        LIST_CLIENTS(200),
        GET_CLIENT(200),
        MISSING_CLIENT(404),
        CREATE_CLIENT(201),
        DUPLICATE_CLIENT(409),
        LIST_USERS(200),
        SIGN_IN(200),
        INTROSPECT(200),
        // a token revoked again and again: one insert that does nothing, and a notification, each time
        REVOKE(200),
        // The throttle may answer 429 before it looks at the database.
        WRONG_PASSWORD(401, 429);

        final int success;
        final Set<Integer> legitimate;

        Call(int success, Integer... more) {
            this.success = success;
            this.legitimate = Set.copyOf(java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(success), java.util.stream.Stream.of(more))
                    .toList());
        }
    }

    record Outcome(Call call, String clientId, long sentAt, long answeredAt, int status, String body) {
        long tookMillis() {
            return (answeredAt - sentAt) / 1_000_000;
        }

        @Override
        public String toString() {
            return call + " " + status + " after " + tookMillis() + " ms: "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();

    private String base;
    private String management;
    private String admin;
    private String secret;
    private String access;
    private String revokerSecret;
    private String revoked;

    @Test
    void shouldNeverAnswerAnother5xxThan503AndRecoverByItself() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.create();
                PackagedService service = PackagedService.start(
                        "outage-it",
                        Map.ofEntries(
                                Map.entry(
                                        "quarkus.datasource.reactive.url",
                                        "postgresql://127.0.0.1:" + postgres.port() + "/apiaccess"),
                                Map.entry(
                                        "quarkus.datasource.jdbc.url",
                                        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/apiaccess"),
                                Map.entry("quarkus.datasource.username", "postgres"),
                                Map.entry("quarkus.datasource.password", ""),
                                Map.entry("api-access.bootstrap.wallet-key", WALLET),
                                Map.entry("api-access.bootstrap.admin-username", "admin"),
                                Map.entry("api-access.bootstrap.admin-password", PASSWORD),
                                Map.entry("api-access.password.bcrypt-cost", "4"),
                                // the load signs in wrongly on purpose; the throttle is not what this test is about
                                Map.entry("api-access.throttle.max-failures-per-source", "1000000"),
                                Map.entry("api-access.throttle.max-failures-per-identifier", "1000000"),
                                Map.entry("api-access.throttle.max-failures-per-account", "1000000"),
                                Map.entry("api-access.allow-insecure-defaults", "true")))) {
            base = service.baseUrl();
            management = service.managementUrl();
            admin = field(send(signIn(PASSWORD)).body(), "token");
            HttpResponse<String> load = send(createClient("load"));
            assertThat(load.statusCode()).as(load.body()).isEqualTo(201);
            secret = field(load.body(), "clientSecret");
            access = field(send(tokenRequest("load", secret)).body(), "access_token");
            HttpResponse<String> revoker = send(createClient("revoker"));
            assertThat(revoker.statusCode()).as(revoker.body()).isEqualTo(201);
            revokerSecret = field(revoker.body(), "clientSecret");
            revoked = field(send(tokenRequest("revoker", revokerSecret)).body(), "access_token");

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    Call[] calls = Call.values();
                    for (int i = worker; running.get(); i++) {
                        outcomes.add(call(calls[i % calls.length]));
                    }
                    return null;
                }));
            }
            HttpResponse<String> ready;
            HttpResponse<String> readyAfter;
            List<Outcome> refusedWhileDown = new ArrayList<>();
            long stopping;
            long stopped;
            long starting;
            long recovered;
            try {
                awaitEveryCall(System.nanoTime(), sent -> true, "before the outage");
                stopping = System.nanoTime();
                postgres.stop();
                stopped = System.nanoTime();
                awaitEveryCall(stopped + PROMPT.toNanos(), o -> o.answeredAt() > 0, "while the database is down");
                ready = send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .timeout(BOUND)
                        .build());
                for (int i = 0; i < 3; i++) {
                    Outcome refused = call(Call.CREATE_CLIENT);
                    refusedWhileDown.add(refused);
                    outcomes.add(refused);
                }
                starting = System.nanoTime();
                postgres.start();
                recovered = awaitRecovery();
                awaitEveryCall(recovered, o -> true, "after the recovery");
                // Whatever the outage left armed (a Vert.x pool arms a 30 s connection timeout per query
                // by default) has fired before the load stops and the log is read.
                long lingerUntil = stopping + LINGER.toNanos();
                while (System.nanoTime() < lingerUntil) {
                    Thread.sleep(100);
                }
                readyAfter = send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .timeout(BOUND)
                        .build());
            } finally {
                running.set(false);
                pool.shutdown();
            }
            assertThat(pool.awaitTermination(BOUND.toSeconds() * 3, TimeUnit.SECONDS))
                    .as("the workers stop")
                    .isTrue();
            for (Future<?> worker : workers) {
                worker.get(); // a worker that died of an exception fails the test
            }
            List<Outcome> all = List.copyOf(outcomes);
            System.out.printf(
                    "DatabaseOutageIT: %d requests; before the stop %s; while down %s; after the recovery %s%n",
                    all.size(),
                    statuses(all, o -> o.answeredAt() < stopping),
                    statuses(all, o -> o.sentAt() >= stopped && o.answeredAt() < starting),
                    statuses(all, o -> o.sentAt() >= recovered));

            // At no moment another 5xx than 503, a hang or a broken connection; only answers each call may give.
            assertThat(all)
                    .as("answers that no call may give, at any moment")
                    .filteredOn(o -> o.status() != 503 && !o.call().legitimate.contains(o.status()))
                    .isEmpty();
            assertThat(all)
                    .as("answers slower than %s", BOUND)
                    .filteredOn(o -> o.tookMillis() > BOUND.toMillis())
                    .isEmpty();

            // Before the stop: the database answers, nothing is refused.
            assertEveryCallIn(
                    all,
                    o -> o.answeredAt() < stopping,
                    "answered before the stop",
                    o -> o.call().legitimate.contains(o.status()));
            // Down: every answer is a prompt 503 (the throttle's 429 needs no database).
            long settled = stopped + PROMPT.toNanos();
            assertEveryCallIn(
                    all,
                    o -> o.sentAt() >= settled && o.answeredAt() < starting,
                    "sent while the database was down",
                    o -> o.status() == 503 || o.call() == Call.WRONG_PASSWORD && o.status() == 429);
            assertThat(all)
                    .as("answers after the stop that took longer than %s", PROMPT)
                    .filteredOn(o -> o.sentAt() >= stopped && o.answeredAt() < starting)
                    .filteredOn(o -> o.tookMillis() > PROMPT.toMillis())
                    .isEmpty();
            assertThat(all)
                    .as("503s without a problem or OAuth error body")
                    .filteredOn(o -> o.status() == 503)
                    .filteredOn(o -> !o.body().contains("\"temporarily_unavailable\"")
                            && !o.body().contains("\"status\":503"))
                    .isEmpty();
            assertThat(ready.statusCode())
                    .as("readiness while the database is down")
                    .isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");
            // Back: everything works again.
            assertThat(Duration.ofNanos(recovered - starting)).as("recovery").isLessThan(PHASE_LIMIT);
            assertEveryCallIn(
                    all, o -> o.sentAt() >= recovered, "sent after the recovery", o -> o.status() == o.call().success);
            assertThat(readyAfter.statusCode())
                    .as("readiness after the recovery")
                    .isEqualTo(200);

            // What was acknowledged is there; what was refused while the database was down left nothing.
            assertThat(refusedWhileDown)
                    .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(503));
            for (Outcome o : all) {
                if (o.call() == Call.CREATE_CLIENT && o.status() == 201) {
                    assertThat(send(get("/api/clients/" + o.clientId())).statusCode())
                            .as("acknowledged: %s", o.clientId())
                            .isEqualTo(200);
                }
            }
            List<Outcome> refused = new ArrayList<>(refusedWhileDown);
            all.stream()
                    .filter(o -> o.call() == Call.CREATE_CLIENT && o.status() == 503)
                    .filter(o -> o.sentAt() >= stopped && o.answeredAt() < starting)
                    .forEach(refused::add);
            for (Outcome o : refused) {
                assertThat(send(get("/api/clients/" + o.clientId())).statusCode())
                        .as("refused while the database was down: %s", o.clientId())
                        .isEqualTo(404);
            }

            String log = service.log();
            assertThat(log).as("the service's log").doesNotContain("Result is already complete");
            assertThat(errorLines(log))
                    .as("ERROR lines in the service's log")
                    .filteredOn(line -> !EXPECTED_ERROR.matcher(line).find())
                    .isEmpty();
        }
    }

    /** Waits until every kind of call was made {@link #PER_PHASE} times since {@code since}. */
    private void awaitEveryCall(long since, Predicate<Outcome> counts, String phase) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Call, Long> made = count(outcomes.stream()
                    .filter(o -> o.sentAt() >= since)
                    .filter(counts)
                    .toList());
            if (made.size() == Call.values().length && made.values().stream().allMatch(n -> n >= PER_PHASE)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The load did not make every call " + PER_PHASE + " times " + phase + " within "
                + PHASE_LIMIT + ": " + count(List.copyOf(outcomes)));
    }

    private static void assertEveryCallIn(
            List<Outcome> all, Predicate<Outcome> phase, String name, Predicate<Outcome> expected) {
        List<Outcome> in = all.stream().filter(phase).toList();
        assertThat(count(in).keySet()).as("the calls %s", name).containsExactlyInAnyOrder(Call.values());
        assertThat(in).as("answers %s", name).filteredOn(expected.negate()).isEmpty();
    }

    private static Map<Integer, Long> statuses(List<Outcome> all, Predicate<Outcome> phase) {
        return all.stream()
                .filter(phase)
                .collect(Collectors.groupingBy(Outcome::status, java.util.TreeMap::new, Collectors.counting()));
    }

    private static Map<Call, Long> count(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::call, () -> new EnumMap<>(Call.class), Collectors.counting()));
    }

    /** Recovered: every kind of call answers as it should three rounds in a row. */
    private long awaitRecovery() throws Exception {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        int streak = 0;
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Call call : Call.values()) {
                Outcome outcome = call(call);
                outcomes.add(outcome); // held to the same rules as the load's
                all &= outcome.status() == call.success;
            }
            streak = all ? streak + 1 : 0;
            if (streak == 3) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The service did not recover within " + PHASE_LIMIT);
    }

    private Outcome call(Call call) {
        String clientId = null;
        HttpRequest request = switch (call) {
            case TOKEN -> tokenRequest("load", secret);
            case INTROSPECT -> oauthRequest("/oauth2/introspect", "load", secret, access);
            case REVOKE -> oauthRequest("/oauth2/revoke", "revoker", revokerSecret, revoked);
            case LIST_CLIENTS -> get("/api/clients?size=5");
            case GET_CLIENT -> get("/api/clients/load");
            case MISSING_CLIENT -> get("/api/clients/never-created");
            case CREATE_CLIENT -> createClient(clientId = "made-" + created.incrementAndGet());
            case DUPLICATE_CLIENT -> createClient("load");
            case LIST_USERS -> get("/api/users");
            case SIGN_IN -> signIn(PASSWORD);
            case WRONG_PASSWORD -> signIn("not-the-password");
        };
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(call, clientId, start, System.nanoTime(), response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Outcome(call, clientId, start, System.nanoTime(), HUNG, "no answer within " + BOUND);
        } catch (IOException e) {
            return new Outcome(call, clientId, start, System.nanoTime(), BROKEN, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(call, clientId, start, System.nanoTime(), BROKEN, e.toString());
        }
    }

    /** ERROR lines of the service's log, with the line after each (the exception, if any). */
    static List<String> errorLines(String log) {
        List<String> errors = new ArrayList<>();
        String[] lines = log.split("\\R");
        Pattern error = Pattern.compile("^\\S+ \\S+ ERROR ");
        for (int i = 0; i < lines.length; i++) {
            if (error.matcher(lines[i]).find()) {
                errors.add(lines[i] + (i + 1 < lines.length ? " | " + lines[i + 1] : ""));
            }
        }
        return errors;
    }

    private HttpRequest createClient(String clientId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .timeout(BOUND)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\":\"" + clientId + "\",\"roles\":[\"accounts:read\"]}"))
                .build();
    }

    private HttpRequest signIn(String password) {
        return post(
                "/api/session",
                "application/json",
                "{\"wallet\":\"" + WALLET + "\",\"username\":\"admin\",\"password\":\"" + password + "\"}");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest tokenRequest(String clientId, String clientSecret) {
        return post(
                "/oauth2/token",
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=wallet-" + WALLET + "-" + clientId + "&client_secret="
                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
    }

    private HttpRequest oauthRequest(String path, String clientId, String clientSecret, String token) {
        return post(
                path,
                "application/x-www-form-urlencoded",
                "client_id=wallet-" + WALLET + "-" + clientId + "&client_secret="
                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8) + "&token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .timeout(BOUND)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + admin)
                .timeout(BOUND)
                .build();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
