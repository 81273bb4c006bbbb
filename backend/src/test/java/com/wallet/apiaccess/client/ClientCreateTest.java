package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.wallet.apiaccess.client.ClientChecks.CLIENTS;
import static com.wallet.apiaccess.client.ClientChecks.ISO_UTC;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.put;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClientCreateTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldAnswer201WithLocationOfTheNewClient() {
        String admin = Api.adminToken();
        String clientId = Api.unique("create");

        String location = post(admin, Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201)
                .header("Location", endsWith(CLIENTS + "/" + clientId))
                .extract()
                .header("Location");

        given().auth().oauth2(admin).when().get(location).then().statusCode(200).body("clientId", equalTo(clientId));
    }

    @Test
    void shouldAnswerTheClientWithEveryFieldOfTheContract() {
        String admin = Api.adminToken();
        String clientId = Api.unique("fields");
        LocalDate expiry = todayUtc().plusDays(30);
        Instant before = Instant.now().minusSeconds(5);

        JsonPath created = post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                expiry.toString(),
                                "notes",
                                "Nightly reconciliation job",
                                "roles",
                                List.of("accounts:read", "balances:read")))
                .statusCode(201)
                .body("clientId", equalTo(clientId))
                .body("oauthClientId", equalTo("wallet-acme-" + clientId))
                .body("roles", contains("accounts:read", "balances:read"))
                .body("expiryDate", equalTo(expiry.toString()))
                .body("expired", is(false))
                .body("notes", equalTo("Nightly reconciliation job"))
                .body("createdAt", matchesPattern(ISO_UTC))
                .body("updatedAt", matchesPattern(ISO_UTC))
                .body("$", hasKey("lastUsedAt"))
                .body("lastUsedAt", nullValue())
                .extract()
                .jsonPath();

        Instant createdAt = Instant.parse(created.getString("createdAt"));
        assertThat(createdAt, greaterThanOrEqualTo(before));
        assertThat(createdAt, lessThan(Instant.now().plusSeconds(5)));
        assertEquals(createdAt, Instant.parse(created.getString("updatedAt")));
    }

    @Test
    void shouldAnswerNotesNullWhenAbsent() {
        post(Api.adminToken(), Map.of("clientId", Api.unique("nonotes"), "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("$", hasKey("notes"))
                .body("notes", nullValue());
    }

    @Test
    void shouldAnswerRolesSorted() {
        post(
                        Api.adminToken(),
                        Map.of(
                                "clientId",
                                Api.unique("sorted"),
                                "roles",
                                List.of("webhooks:read", "accounts:read", "cards:read")))
                .statusCode(201)
                .body("roles", contains("accounts:read", "cards:read", "webhooks:read"));
    }

    @Test
    void shouldAddReadForEveryChangeRole() {
        post(
                        Api.adminToken(),
                        Map.of("clientId", Api.unique("implied"), "roles", List.of("payments:change", "accounts:read")))
                .statusCode(201)
                .body("roles", contains("accounts:read", "payments:change", "payments:read"));
    }

    @Test
    void shouldNotRepeatARoleGivenTwice() {
        post(
                        Api.adminToken(),
                        Map.of(
                                "clientId",
                                Api.unique("twice"),
                                "roles",
                                List.of("cards:change", "cards:read", "cards:change")))
                .statusCode(201)
                .body("roles", contains("cards:change", "cards:read"));
    }

    @Test
    void shouldExpireOneYearFromTodayWhenNoExpiryDateIsGiven() {
        LocalDate before = todayUtc();
        String expiryDate = post(
                        Api.adminToken(),
                        Map.of("clientId", Api.unique("default-expiry"), "roles", List.of("accounts:read")))
                .statusCode(201)
                .extract()
                .path("expiryDate");
        LocalDate after = todayUtc();

        assertThat(LocalDate.parse(expiryDate), anyOf(equalTo(before.plusYears(1)), equalTo(after.plusYears(1))));
    }

    @Test
    void shouldAcceptTodayAsExpiryDate() {
        LocalDate today = todayUtc();
        post(
                        Api.adminToken(),
                        Map.of(
                                "clientId",
                                Api.unique("today"),
                                "expiryDate",
                                today.toString(),
                                "roles",
                                List.of("accounts:read")))
                .statusCode(201)
                .body("expiryDate", equalTo(today.toString()))
                .body("expired", is(false));
    }

    @Test
    void shouldGenerateASecretOfAtLeast43UrlSafeCharacters() {
        String secret = Api.createClient(Api.adminToken(), Api.unique("secret"), List.of("accounts:read"))
                .getString("clientSecret");

        assertThat(secret, matchesPattern("[A-Za-z0-9_-]{43,}"));
    }

    @Test
    void shouldGenerateADifferentSecretForEveryClient() {
        String admin = Api.adminToken();
        String first = Api.createClient(admin, Api.unique("secret-a"), List.of("accounts:read"))
                .getString("clientSecret");
        String second = Api.createClient(admin, Api.unique("secret-b"), List.of("accounts:read"))
                .getString("clientSecret");

        assertThat(first, not(equalTo(second)));
    }

    @Test
    void shouldIssueTokensForTheAnsweredSecret() {
        String clientId = Api.unique("works");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");

        assertThat(Api.clientToken(Api.oauthClientId(clientId), secret), notNullValue());
    }

    @Test
    void shouldNotSendTheSecretWhenGettingTheClient() {
        String admin = Api.adminToken();
        String clientId = Api.unique("noleak-get");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        String body = get(admin, clientId)
                .statusCode(200)
                .body("$", not(hasKey("clientSecret")))
                .extract()
                .asString();
        assertThat(body, not(containsString(secret)));
    }

    @Test
    void shouldNotSendTheSecretWhenListingClients() {
        String admin = Api.adminToken();
        String clientId = Api.unique("noleak-list");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        String body = search(admin, clientId)
                .statusCode(200)
                .body("items.clientId", contains(clientId))
                .body("items", everyItem(not(hasKey("clientSecret"))))
                .extract()
                .asString();
        assertThat(body, not(containsString(secret)));
    }

    @Test
    void shouldNotSendTheSecretWhenUpdatingTheClient() {
        String admin = Api.adminToken();
        String clientId = Api.unique("noleak-put");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        String body = put(admin, clientId, Map.of("roles", List.of("balances:read"), "notes", "changed"))
                .statusCode(200)
                .body("$", not(hasKey("clientSecret")))
                .extract()
                .asString();
        assertThat(body, not(containsString(secret)));
    }

    @Test
    void shouldStoreADigestRatherThanTheSecret() {
        String clientId = Api.unique("digest");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");

        String digest = ClientChecks.secretDigest(database, clientId);
        assertThat(digest, notNullValue());
        assertThat(digest, not(containsString(secret)));
        assertThat(digest, not(containsString(secret.substring(0, 16))));
    }

    @Test
    void shouldAcceptAClientIdOfEveryAllowedCharacter() {
        String clientId = "a.b_c-" + ClientChecks.token("9");
        post(Api.adminToken(), Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("clientId", equalTo(clientId));
    }

    @Test
    void shouldAcceptAClientIdOfThreeCharacters() {
        String clientId = ClientChecks.token("").substring(0, 3);
        post(Api.adminToken(), Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("clientId", equalTo(clientId));
    }

    @Test
    void shouldAcceptAClientIdOfSixtyFourCharacters() {
        String clientId = (ClientChecks.token("long") + "x".repeat(64)).substring(0, 64);
        post(Api.adminToken(), Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("clientId", equalTo(clientId))
                .body("oauthClientId", equalTo("wallet-acme-" + clientId));
    }

    @Test
    void shouldAcceptNotesOfExactly1000Characters() {
        String notes = "n".repeat(1000);
        post(
                        Api.adminToken(),
                        Map.of("clientId", Api.unique("notes1000"), "notes", notes, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("notes", equalTo(notes));
    }

    @Test
    void shouldRefuseADuplicateClientIdWith409() {
        String admin = Api.adminToken();
        String clientId = Api.unique("dup");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        isProblem(post(admin, Map.of("clientId", clientId, "roles", List.of("balances:read"))), 409)
                .body("detail", containsString(clientId));
        get(admin, clientId).statusCode(200).body("roles", contains("accounts:read"));
    }

    @Test
    void shouldCreateExactlyOneOfTwentyParallelIdenticalCreates() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("race");
        Map<String, Object> body = Map.of("clientId", clientId, "roles", List.of("accounts:read"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitQuietly(start);
                            return Api.as(admin)
                                    .body(body)
                                    .when()
                                    .post(CLIENTS)
                                    .then()
                                    .extract();
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            List<ExtractableResponse<Response>> answers =
                    calls.stream().map(CompletableFuture::join).toList();
            List<ExtractableResponse<Response>> created =
                    answers.stream().filter(r -> r.statusCode() == 201).toList();
            List<ExtractableResponse<Response>> conflicts =
                    answers.stream().filter(r -> r.statusCode() == 409).toList();
            assertEquals(
                    1,
                    created.size(),
                    () -> "statuses: "
                            + answers.stream().map(r -> r.statusCode()).toList());
            assertEquals(
                    19,
                    conflicts.size(),
                    () -> "statuses: "
                            + answers.stream().map(r -> r.statusCode()).toList());
            conflicts.forEach(r -> assertThat(r.contentType(), containsString(ClientChecks.PROBLEM_JSON)));
            assertEquals(1, ClientChecks.rowsIgnoringCase(database, clientId));
            // the one secret handed out is the one stored
            Api.clientToken(Api.oauthClientId(clientId), created.get(0).path("clientSecret"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
