package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.client.ClientCache;
import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack: one address floods the token endpoint with ever-new client ids. Its guesses stay
 * capped, but a client that shares the address (NAT, cloud egress, one nginx) and proves its secret
 * keeps getting tokens. Each test runs from a loopback address of its own.
 */
@QuarkusTest
@TestProfile(NoisyNeighbourTest.FiveFailures.class)
class NoisyNeighbourTest {

    static final int PER_SOURCE = 5;
    private static final String GRANT = "grant_type=client_credentials";

    public static class FiveFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "api-access.throttle.max-failures-per-source",
                    Integer.toString(PER_SOURCE),
                    "api-access.throttle.max-failures-per-identifier",
                    "3");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    ClientCache cache;

    private final List<HttpClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(HttpClient::close);
    }

    /** A client bound to one local address: the service sees requests from it. */
    private HttpClient from(String localAddress) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setLocalAddress(localAddress)
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(RestAssured.port)
                .setMaxPoolSize(32));
        clients.add(client);
        return client;
    }

    private static int post(HttpClient client, String oauthClientId, String secret) throws Exception {
        String body = TokenEndpoint.form(
                "grant_type", "client_credentials", "client_id", oauthClientId, "client_secret", secret);
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setURI(TokenEndpoint.PATH)
                        .putHeader("Content-Type", TokenEndpoint.FORM))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> response.statusCode()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /**
     * A new client, once both announcements of its creation were heard (this instance's event and the
     * change feed's notification), with a first token, so that it is in the token endpoint's cache,
     * where it stays while in use.
     */
    private TestClient warmClient(HttpClient client) throws Exception {
        long before = cache.changes();
        TestClient valid = TokenEndpoint.newClient(List.of("accounts:read"));
        for (int i = 0; i < 200 && cache.changes() < before + 2; i++) {
            Thread.sleep(50);
        }
        assertTrue(cache.changes() >= before + 2, "the creation was announced twice");
        assertEquals(200, post(client, valid.oauthClientId(), valid.secret()));
        assertTrue(
                cache.cached(OAuthClientId.parse(valid.oauthClientId()).orElseThrow())
                        .flatMap(found -> found)
                        .isPresent(),
                "the client is cached");
        return valid;
    }

    private static String guess() {
        return Api.oauthClientId("guess-" + UUID.randomUUID());
    }

    @Test
    void shouldCapTheFloodButServeTheClientThatProvesItsSecret() throws Exception {
        HttpClient shared = from("127.0.0.21");
        TestClient valid = warmClient(shared);
        Map<Integer, Integer> flood = new TreeMap<>();
        int served = 0;
        for (int i = 0; i < 60; i++) {
            flood.merge(post(shared, guess(), "guessed-secret"), 1, Integer::sum);
            if (i % 3 == 0) {
                served += post(shared, valid.oauthClientId(), valid.secret()) == 200 ? 1 : 0;
            }
        }
        assertEquals(Map.of(401, PER_SOURCE, 429, 60 - PER_SOURCE), flood, "the flood's guesses are capped");
        assertEquals(20, served, "every request of the client that proves its secret got a token");
    }

    /** Past the source's limit, a known id with a wrong secret answers as an unknown one: no oracle. */
    @Test
    void shouldNotTellKnownIdsFromUnknownOnesPastTheLimit() throws Exception {
        HttpClient shared = from("127.0.0.22");
        TestClient valid = warmClient(shared);
        for (int i = 0; i < PER_SOURCE; i++) {
            assertEquals(401, post(shared, guess(), "guessed-secret"));
        }
        assertEquals(429, post(shared, guess(), "guessed-secret"));
        assertEquals(429, post(shared, valid.oauthClientId(), "a-wrong-secret"));
        assertEquals(200, post(shared, valid.oauthClientId(), valid.secret()));
    }

    /** A client's first requests, many at once and all looked up together, are not failures. */
    @Test
    void shouldServeManyConcurrentFirstRequestsOfANewClient() throws Exception {
        HttpClient shared = from("127.0.0.26");
        TestClient fresh = TokenEndpoint.newClient(List.of("accounts:read"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> post(shared, fresh.oauthClientId(), fresh.secret())));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnOverlongIdWithoutCountingItByName() throws Exception {
        HttpClient shared = from("127.0.0.23");
        String overlong = "wallet-" + Api.WALLET + "-" + "x".repeat(5000);
        for (int i = 0; i < PER_SOURCE; i++) {
            assertEquals(401, post(shared, overlong + i, "guessed-secret"));
        }
        assertEquals(429, post(shared, overlong, "guessed-secret"), "over-long ids count against the source");
    }

    @Test
    void shouldCountThrottlingUnderItsOwnMetricLabel() throws Exception {
        double before = metric("reason=\"throttled\"");
        double outagesBefore = metric("reason=\"temporarily_unavailable\"");
        HttpClient shared = from("127.0.0.24");
        for (int i = 0; i < PER_SOURCE + 3; i++) {
            post(shared, guess(), "guessed-secret");
        }
        assertEquals(before + 3, metric("reason=\"throttled\""), 0.0);
        assertEquals(outagesBefore, metric("reason=\"temporarily_unavailable\""), 0.0);
    }

    /**
     * The soak, bounded by count: many concurrent guesses with ever-new ids and a valid client, all
     * from one address. The valid client keeps at least 99% of its tokens; the flood stays capped.
     */
    @Test
    void shouldKeepTheValidClientsTokensUnderAConcurrentFlood() throws Exception {
        HttpClient shared = from("127.0.0.25");
        TestClient valid = warmClient(shared);
        int floodThreads = 6;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(floodThreads + 1);
        try {
            List<Future<Map<Integer, Integer>>> floods = new ArrayList<>();
            for (int t = 0; t < floodThreads; t++) {
                floods.add(pool.submit(() -> {
                    Map<Integer, Integer> statuses = new TreeMap<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.merge(post(shared, guess(), "guessed-secret"), 1, Integer::sum);
                    }
                    return statuses;
                }));
            }
            Future<Integer> tokens = pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 400; i++) {
                    ok += post(shared, valid.oauthClientId(), valid.secret()) == 200 ? 1 : 0;
                }
                return ok;
            });
            Map<Integer, Integer> flood = new TreeMap<>();
            for (Future<Map<Integer, Integer>> f : floods) {
                f.get(300, TimeUnit.SECONDS).forEach((status, count) -> flood.merge(status, count, Integer::sum));
            }
            int issued = tokens.get(300, TimeUnit.SECONDS);
            assertTrue(issued >= 396, "the valid client got " + issued + " of 400 tokens");
            assertEquals(
                    floodThreads * perThread,
                    flood.getOrDefault(401, 0) + flood.getOrDefault(429, 0),
                    "the flood got only 401 and 429: " + flood);
            assertTrue(
                    flood.getOrDefault(401, 0) <= PER_SOURCE + floodThreads,
                    "at most the limit (and one racing request per thread) of guesses were answered: " + flood);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double metric(String label) {
        String text = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher sample = Pattern.compile("^api_access_tokens_refused_total(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1) != null && sample.group(1).contains(label)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }
}
