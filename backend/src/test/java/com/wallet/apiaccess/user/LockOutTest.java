package com.wallet.apiaccess.user;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wallet never locks itself out: some user keeps both users:change and api-access:change. */
@QuarkusTest
class LockOutTest {

    private static final AtomicInteger WALLETS = new AtomicInteger();
    private static final String PASSWORD = "first-admin-password";

    /** A wallet of its own, whose only user is its first admin (every role); answers its key. */
    private static String newWallet() {
        String key = "lock" + WALLETS.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalKey",
                        key,
                        "name",
                        "Lock-out " + key,
                        "adminUsername",
                        "first",
                        "adminPassword",
                        PASSWORD))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        return key;
    }

    private static List<String> roles(String token, String username) {
        return Api.as(token)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("find { it.username == '" + username + "' }.roles", String.class);
    }

    private static List<String> without(List<String> roles, String... dropped) {
        List<String> kept = new ArrayList<>(roles);
        kept.removeAll(List.of(dropped));
        return kept;
    }

    private static void assertLockOut(Response response) {
        response.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:api-access:problem:lock-out"))
                .body("detail", containsString("users:change and api-access:change"));
    }

    @Test
    void shouldRefuseTheOnlyAdminRemovingItsOwnUsersChange() {
        String wallet = newWallet();
        String token = Api.signIn(wallet, "first", PASSWORD);
        List<String> all = roles(token, "first");
        assertLockOut(Api.as(token)
                .body(Map.of("roles", without(all, "users:change")))
                .when()
                .put("/api/users/first"));
        assertLockOut(Api.as(token)
                .body(Map.of("roles", without(all, "api-access:change")))
                .when()
                .put("/api/users/first"));
        assertThat(roles(token, "first"), hasItems("users:change", "api-access:change"));
    }

    @Test
    void shouldLetAnAdminStepDownWhenAnotherRemains() {
        String wallet = newWallet();
        String token = Api.signIn(wallet, "first", PASSWORD);
        List<String> all = roles(token, "first");
        Api.as(token)
                .body(Map.of("username", "second", "password", "second-admin-password", "roles", all))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        Api.as(token)
                .body(Map.of("roles", List.of("accounts:read")))
                .when()
                .put("/api/users/first")
                .then()
                .statusCode(200);
        String second = Api.signIn(wallet, "second", "second-admin-password");
        assertLockOut(Api.as(second)
                .body(Map.of("roles", without(all, "users:change")))
                .when()
                .put("/api/users/second"));
    }

    @Test
    void shouldRefuseAClientDeletingTheLastAdmin() {
        String wallet = newWallet();
        String token = Api.signIn(wallet, "first", PASSWORD);
        List<String> all = roles(token, "first");
        String secret = Api.as(token)
                .body(Map.of("clientId", "robot", "roles", all))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");
        String robot = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "wallet-" + wallet + "-robot")
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertLockOut(Api.as(robot).when().delete("/api/users/first"));
        assertLockOut(Api.as(robot)
                .body(Map.of("roles", List.of("accounts:read")))
                .when()
                .put("/api/users/first"));
        Api.signIn(wallet, "first", PASSWORD);
    }

    @Test
    void shouldLetAPeerAdminDeleteTheFirstAdmin() {
        String wallet = newWallet();
        String token = Api.signIn(wallet, "first", PASSWORD);
        List<String> all = roles(token, "first");
        Api.as(token)
                .body(Map.of("username", "second", "password", "second-admin-password", "roles", all))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        String second = Api.signIn(wallet, "second", "second-admin-password");
        Api.as(second).when().delete("/api/users/first").then().statusCode(204);
        assertEquals(
                List.of(),
                Api.as(second)
                        .when()
                        .get("/api/users")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.username == 'first' }"));
    }

    /** Two admins demote each other at the same moment, many times: never both. */
    @Test
    void shouldKeepAnAdminWhenTwoDemoteEachOtherAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String wallet = newWallet();
                String first = Api.signIn(wallet, "first", PASSWORD);
                List<String> all = roles(first, "first");
                Api.as(first)
                        .body(Map.of("username", "second", "password", "second-admin-password", "roles", all))
                        .when()
                        .post("/api/users")
                        .then()
                        .statusCode(201);
                String second = Api.signIn(wallet, "second", "second-admin-password");
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> firstDemotesSecond = demote(start, first, "second");
                Callable<Integer> secondDemotesFirst = demote(start, second, "first");
                Future<Integer> a = pool.submit(firstDemotesSecond);
                Future<Integer> b = pool.submit(secondDemotesFirst);
                start.countDown();
                List<Integer> statuses = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
                // One demotion wins; the other finds itself the last admin's target... or its own session
                // demoted already: 409 lock-out, or 403 because the demoted caller no longer holds enough.
                assertTrue(statuses.contains(200), "one demotion goes through: " + statuses);
                assertTrue(statuses.stream().anyMatch(s -> s == 409 || s == 403), "the other is refused: " + statuses);
                String admin = Api.signIn(
                        wallet,
                        statuses.get(0) == 200 ? "first" : "second",
                        statuses.get(0) == 200 ? PASSWORD : "second-admin-password");
                long administrators = Api.as(admin)
                        .when()
                        .get("/api/users")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("roles", List.class)
                        .stream()
                        .filter(r -> r.contains("users:change") && r.contains("api-access:change"))
                        .count();
                assertEquals(1, administrators, "exactly one administrator is left in round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Integer> demote(CountDownLatch start, String token, String target) {
        return () -> {
            start.await();
            return Api.as(token)
                    .body(Map.of("roles", List.of("accounts:read")))
                    .when()
                    .put("/api/users/" + target)
                    .statusCode();
        };
    }
}
