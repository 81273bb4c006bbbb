package com.wallet.apiaccess.resilience;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import com.wallet.apiaccess.support.TestProofs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas behind a load balancer share one database and one signing key. A client deleted or
 * changed through one is refused by the other's token endpoint at once (LISTEN/NOTIFY drops its
 * cache), a token revoked through one is refused by the other, and tokens of one are good on the other.
 */
class ReplicasIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    private static PostgresTestDatabase database;
    private static Map<String, String> settings;
    private static PackagedService first;
    private static PackagedService second;

    @BeforeAll
    static void twoReplicas() throws Exception {
        database = new PostgresTestDatabase();
        settings = new HashMap<>(database.start());
        settings.remove("test.database.name");
        settings.put(
                "api-access.jwt.sign-key-location",
                Path.of("src/test/resources/keys/signing-key.pem")
                        .toAbsolutePath()
                        .toString());
        settings.put("api-access.secret-pepper", "replicas-pepper-of-some-length");
        settings.put("api-access.bootstrap.wallet-key", "replicas");
        settings.put("api-access.bootstrap.admin-username", "admin");
        settings.put("api-access.bootstrap.admin-password", "replicas-password-1");
        settings.put("api-access.password.bcrypt-cost", "4");
        settings.put("api-access.issuer", "https://api-access.example");
        first = PackagedService.start("replica-1", settings);
        second = PackagedService.start("replica-2", settings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void shouldRefuseADeletedClientOnTheOtherReplicaAtOnce() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "deleted-elsewhere", "accounts:read");
        assertThat(token(second, "deleted-elsewhere", secret, null).statusCode())
                .isEqualTo(200);
        String live = field(token(second, "deleted-elsewhere", secret, null).body(), "access_token");

        assertThat(send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/deleted-elsewhere"))
                                .header("Authorization", "Bearer " + admin)
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(204);

        awaitWithin(
                AT_ONCE,
                () -> token(second, "deleted-elsewhere", secret, null),
                response -> response.statusCode() == 401 && response.body().contains("invalid_client"));
        assertThat(send(get(first, "/api/me", live)).statusCode()).isEqualTo(401);
        assertThat(send(get(second, "/api/me", live)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldApplyARoleRemovedOnOneReplicaToTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "narrowed-elsewhere", "payments:change");
        assertThat(token(second, "narrowed-elsewhere", secret, "payments:change")
                        .statusCode())
                .isEqualTo(200);

        assertThat(send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/narrowed-elsewhere"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"payments:read\"]}"))
                                .build())
                        .statusCode())
                .isEqualTo(200);

        awaitWithin(
                AT_ONCE,
                () -> token(second, "narrowed-elsewhere", secret, "payments:change"),
                response -> response.statusCode() == 400 && response.body().contains("invalid_scope"));
    }

    @Test
    void shouldAcceptOneReplicasTokensOnTheOther() throws Exception {
        String admin = signIn(first);
        createClient(second, admin, "any-replica", "api-access:read");
        assertThat(send(get(second, "/api/clients/any-replica", admin)).statusCode())
                .isEqualTo(200);
        assertThat(send(get(first, "/oauth2/jwks", null)).body())
                .isEqualTo(send(get(second, "/oauth2/jwks", null)).body());
    }

    @Test
    void shouldFindWhatAnotherReplicaWroteInTheNextSearch() throws Exception {
        String admin = signIn(first);
        createClient(first, admin, "searched-elsewhere", "accounts:read");
        assertThat(send(get(second, "/api/clients?q=lighthouse", admin)).body()).contains("\"total\":0");

        assertThat(send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/searched-elsewhere"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"roles\":[\"accounts:read\"],\"notes\":\"Lighthouse\"}"))
                                .build())
                        .statusCode())
                .isEqualTo(200);

        String found = send(get(second, "/api/clients?q=lighthouse", admin)).body();
        assertThat(found).contains("\"total\":1").contains("\"clientId\":\"searched-elsewhere\"");
    }

    @Test
    void shouldTakeASecretMadeOnOneReplicaOnTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String old = createClient(first, admin, "rotated-elsewhere", "accounts:read");
        assertThat(token(second, "rotated-elsewhere", old, null).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = send(post(first, "/api/clients/rotated-elsewhere/secrets", admin, "{}"));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String fresh = field(rotated.body(), "clientSecret");

        awaitWithin(AT_ONCE, () -> token(second, "rotated-elsewhere", fresh, null), r -> r.statusCode() == 200);
        assertThat(token(second, "rotated-elsewhere", old, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASecretRetiredOnOneReplicaOnTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String old = createClient(first, admin, "retired-elsewhere", "accounts:read");
        String oldId =
                field(send(get(first, "/api/clients/retired-elsewhere", admin)).body(), "secretId");
        String fresh = field(
                send(post(first, "/api/clients/retired-elsewhere/secrets", admin, "{}"))
                        .body(),
                "clientSecret");
        String live = field(token(second, "retired-elsewhere", old, null).body(), "access_token");

        HttpResponse<String> retired = send(
                HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/retired-elsewhere/secrets/" + oldId))
                        .header("Authorization", "Bearer " + admin)
                        .DELETE()
                        .build());
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);

        awaitWithin(
                AT_ONCE,
                () -> token(second, "retired-elsewhere", old, null),
                response -> response.statusCode() == 401 && response.body().contains("invalid_client"));
        assertThat(send(get(second, "/api/me", live)).statusCode()).isEqualTo(401);
        assertThat(token(second, "retired-elsewhere", fresh, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAClientDisabledOnOneReplicaOnTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "disabled-elsewhere", "accounts:read");
        assertThat(token(second, "disabled-elsewhere", secret, null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> disabled =
                send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/disabled-elsewhere"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"accounts:read\"],\"enabled\":false}"))
                        .build());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        awaitWithin(
                AT_ONCE,
                () -> token(second, "disabled-elsewhere", secret, null),
                response -> response.statusCode() == 401 && response.body().contains("invalid_client"));
    }

    @Test
    void shouldRefuseATokenRevokedOnOneReplicaOnTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "revoked-elsewhere", "api-access:read");
        String resourceServer = createClient(first, admin, "resource-server", "accounts:read");
        String live = field(token(first, "revoked-elsewhere", secret, null).body(), "access_token");
        assertThat(send(get(second, "/api/me", live)).statusCode()).isEqualTo(200);
        assertThat(introspect(second, "resource-server", resourceServer, live).body())
                .contains("\"active\":true");

        HttpResponse<String> revoked = oauthPost(first, "/oauth2/revoke", "revoked-elsewhere", secret, live);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        awaitWithin(AT_ONCE, () -> send(get(second, "/api/me", live)), response -> response.statusCode() == 401);
        assertThat(introspect(second, "resource-server", resourceServer, live).body())
                .isEqualTo("{\"active\":false}");
        assertThat(send(get(first, "/api/me", live)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseATokenRevokedBeforeAReplicaStarted() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "revoked-before", "api-access:read");
        String live = field(token(first, "revoked-before", secret, null).body(), "access_token");
        assertThat(oauthPost(first, "/oauth2/revoke", "revoked-before", secret, live)
                        .statusCode())
                .isEqualTo(200);

        try (PackagedService late = PackagedService.start("replica-3", settings)) {
            assertThat(send(get(late, "/api/me", live)).statusCode()).isEqualTo(401);
            assertThat(introspect(late, "revoked-before", secret, live).body()).isEqualTo("{\"active\":false}");
        }
    }

    @Test
    void shouldSayATokenOfAClientDisabledOnOneReplicaIsInactiveOnTheOtherAtOnce() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "introspected-elsewhere", "accounts:read");
        String resourceServer = createClient(first, admin, "resource-server-2", "accounts:read");
        String live = field(token(first, "introspected-elsewhere", secret, null).body(), "access_token");
        assertThat(introspect(second, "resource-server-2", resourceServer, live).body())
                .contains("\"active\":true");

        HttpResponse<String> disabled =
                send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/clients/introspected-elsewhere"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"accounts:read\"],\"enabled\":false}"))
                        .build());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        awaitWithin(
                AT_ONCE,
                () -> introspect(second, "resource-server-2", resourceServer, live),
                response -> response.body().equals("{\"active\":false}"));
    }

    @Test
    void shouldRefuseOnOneReplicaAnAssertionUsedOnTheOther() throws Exception {
        String admin = signIn(first);
        TestKey key = TestKeys.ec256();
        HttpResponse<String> created = send(post(
                first,
                "/api/clients",
                admin,
                new JsonObject()
                        .put("clientId", "keyed-replicas")
                        .put("roles", new JsonArray().add("accounts:read"))
                        .put("credential", "key")
                        .put("pem", key.publicPem())
                        .encode()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // a used jti is in PostgreSQL: the other replica refuses the same assertion
        String assertion = assertion(key);
        assertThat(withAssertion(second, assertion).statusCode()).isEqualTo(200);
        assertThat(withAssertion(first, assertion).statusCode()).isEqualTo(401);
        assertThat(withAssertion(second, assertion).statusCode()).isEqualTo(401);

        // and of the same assertion sent to both at once, one is accepted
        for (int round = 0; round < 5; round++) {
            String once = assertion(key);
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> quietly(first, once));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> quietly(second, once));
            List<Integer> statuses = List.of(a.join().statusCode(), b.join().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        }
    }

    @Test
    void shouldRefuseOnOneReplicaADpopProofUsedOnTheOther() throws Exception {
        String admin = signIn(first);
        String secret = createClient(first, admin, "dpop-replicas", "api-access:read");
        TestKey key = TestKeys.ec256();

        // at the token endpoint: the proof's jti is in PostgreSQL, and the other replica refuses it
        String proof = TestProofs.sign(key, TestProofs.claims("POST", "https://api-access.example/oauth2/token", null));
        HttpResponse<String> issued = tokenWithProof(second, "dpop-replicas", secret, proof);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        HttpResponse<String> replayed = tokenWithProof(first, "dpop-replicas", secret, proof);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_dpop_proof");

        // on /api: a proof accepted by one replica is refused by the other
        String token = field(issued.body(), "access_token");
        String apiProof = TestProofs.sign(
                key, TestProofs.claims("GET", "https://api-access.example/api/clients/dpop-replicas", token));
        assertThat(send(withDpop(first, "/api/clients/dpop-replicas", token, apiProof))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = send(withDpop(second, "/api/clients/dpop-replicas", token, apiProof));
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_dpop_proof");
    }

    private static HttpResponse<String> tokenWithProof(
            PackagedService replica, String clientId, String secret, String proof) throws Exception {
        String body = "grant_type=client_credentials&client_id=wallet-replicas-" + clientId + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("DPoP", proof)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest withDpop(PackagedService replica, String path, String token, String proof) {
        return HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Authorization", "DPoP " + token)
                .header("DPoP", proof)
                .build();
    }

    private static String assertion(TestKey key) {
        Map<String, Object> claims = TestKeys.claims("wallet-replicas-keyed-replicas");
        claims.put("aud", "https://api-access.example");
        return key.sign(claims, key.thumbprint());
    }

    private static HttpResponse<String> quietly(PackagedService replica, String assertion) {
        try {
            return withAssertion(replica, assertion);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> withAssertion(PackagedService replica, String assertion) throws Exception {
        String body = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode(TestKeys.JWT_BEARER, StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> introspect(
            PackagedService replica, String clientId, String secret, String token) throws Exception {
        return oauthPost(replica, "/oauth2/introspect", clientId, secret, token);
    }

    /** client_secret_post of a client of the replicas' wallet, with {@code token}. */
    private static HttpResponse<String> oauthPost(
            PackagedService replica, String path, String clientId, String secret, String token) throws Exception {
        String body = "client_id=wallet-replicas-" + clientId
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest post(PackagedService replica, String path, String bearer, String json) {
        return HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static void awaitWithin(
            Duration limit, ThrowingSupplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last;
        do {
            last = call.get();
            if (done.test(last)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Not within " + limit + ": " + last.statusCode() + " " + last.body());
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static String signIn(PackagedService replica) throws Exception {
        return field(
                send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/session"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"wallet\":\"replicas\",\"username\":\"admin\",\"password\":\"replicas-password-1\"}"))
                                .build())
                        .body(),
                "token");
    }

    private static String createClient(PackagedService replica, String admin, String clientId, String role)
            throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\":\"" + clientId + "\",\"roles\":[\"" + role + "\"]}"))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return field(created.body(), "clientSecret");
    }

    private static HttpResponse<String> token(PackagedService replica, String clientId, String secret, String scope)
            throws Exception {
        String body = "grant_type=client_credentials&client_id=wallet-replicas-" + clientId
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest get(PackagedService replica, String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
