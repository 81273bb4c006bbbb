package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unfiltered list's total comes from a count kept beside the wallet (migration V3) and its pages
 * from one index per sort order (V4). Each test runs in a wallet of its own, so that the total is known.
 */
@QuarkusTest
class ClientCountTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static ClientChecks.OwnWallet freshWallet() {
        return ClientChecks.provisionWallet("n");
    }

    private static void create(ClientChecks.OwnWallet wallet, String clientId) {
        post(wallet.admin(), Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201);
    }

    private static void delete(ClientChecks.OwnWallet wallet, String clientId) {
        Api.as(wallet.admin())
                .when()
                .delete(ClientChecks.CLIENTS + "/" + clientId)
                .then()
                .statusCode(204);
    }

    private static JsonPath everything(ClientChecks.OwnWallet wallet, Map<String, ?> query) {
        return search(wallet.admin(), query).statusCode(200).extract().jsonPath();
    }

    private long rowsOf(ClientChecks.OwnWallet wallet) {
        return ClientChecks.number(
                database,
                "select count(*) from api_client c join wallet w" + " on w.id = c.wallet_id where w.external_key = ?",
                wallet.key());
    }

    @Test
    void shouldCountNothingInAWalletWithoutClients() {
        ClientChecks.OwnWallet wallet = freshWallet();

        search(wallet.admin(), Map.of())
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty())
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    @Test
    void shouldCountCreationsAndDeletions() {
        ClientChecks.OwnWallet wallet = freshWallet();
        create(wallet, "one");
        create(wallet, "two");
        create(wallet, "three");
        search(wallet.admin(), Map.of())
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(3));

        delete(wallet, "two");

        search(wallet.admin(), Map.of())
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.clientId", contains("one", "three"));
    }

    @Test
    void shouldNotCountARefusedCreation() {
        ClientChecks.OwnWallet wallet = freshWallet();
        create(wallet, "taken");

        post(wallet.admin(), Map.of("clientId", "taken", "roles", List.of("accounts:read")))
                .statusCode(409);
        post(wallet.admin(), Map.of("clientId", "x", "roles", List.of("accounts:read")))
                .statusCode(400);

        search(wallet.admin(), Map.of()).statusCode(200).body("total", equalTo(1));
    }

    @Test
    void shouldKeepTheTotalOnAPagePastTheEnd() {
        ClientChecks.OwnWallet wallet = freshWallet();
        create(wallet, "only");

        search(wallet.admin(), Map.of("page", 5, "size", 10))
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", empty())
                .body("page", equalTo(5))
                .body("size", equalTo(10));
    }

    @Test
    void shouldCountExactlyWhileCreatesAndDeletesRace() throws Exception {
        ClientChecks.OwnWallet wallet = freshWallet();
        for (int i = 0; i < 10; i++) {
            create(wallet, "doomed-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String created = "racer-" + i;
                String deleted = "doomed-" + i;
                work.add(CompletableFuture.runAsync(() -> create(wallet, created), pool));
                work.add(CompletableFuture.runAsync(() -> delete(wallet, deleted), pool));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        JsonPath page = everything(wallet, Map.of("size", 100));
        assertEquals(10, page.getInt("total"));
        assertEquals(10, rowsOf(wallet));
        assertEquals(page.getInt("total"), page.getList("items").size());
    }

    @Test
    void shouldCountRowsWrittenStraightIntoTheTable() {
        ClientChecks.OwnWallet wallet = freshWallet();
        create(wallet, "by-api");
        ClientChecks.execute(
                database,
                "insert into api_client (wallet_id, client_id, secret_digest, roles, expiry_date,"
                        + " created_at, updated_at) select w.id, 'bulk-' || i, 'x', 'accounts:read', current_date,"
                        + " now(), now() from wallet w, generate_series(1, 250) i where w.external_key = ?",
                wallet.key());
        ClientChecks.execute(
                database,
                "delete from api_client where client_id like 'bulk-1%' and wallet_id ="
                        + " (select id from wallet where external_key = ?)",
                wallet.key());

        assertEquals(rowsOf(wallet), everything(wallet, Map.of()).getLong("total"));
    }

    @Test
    void shouldPageTheWholeWalletInEveryOrder() {
        ClientChecks.OwnWallet wallet = freshWallet();
        create(wallet, "b-client");
        create(wallet, "a-client");
        create(wallet, "c-client");
        LocalDate today = ClientChecks.todayUtc();
        setExpiry(wallet, "a-client", today.plusDays(30));
        setExpiry(wallet, "b-client", today.plusDays(10));
        setExpiry(wallet, "c-client", today.plusDays(30));

        search(wallet.admin(), Map.of()).body("items.clientId", contains("a-client", "b-client", "c-client"));
        search(wallet.admin(), Map.of("sort", "-clientId"))
                .body("items.clientId", contains("c-client", "b-client", "a-client"));
        search(wallet.admin(), Map.of("sort", "expiryDate"))
                .body("items.clientId", contains("b-client", "a-client", "c-client"));
        // ties keep clientId ascending in both directions
        search(wallet.admin(), Map.of("sort", "-expiryDate"))
                .body("items.clientId", contains("a-client", "c-client", "b-client"));
        search(wallet.admin(), Map.of("sort", "-expiryDate", "size", 1, "page", 1))
                .body("items.clientId", contains("c-client"))
                .body("total", equalTo(3));
        search(wallet.admin(), Map.of("sort", "createdAt"))
                .body("items.clientId", contains("b-client", "a-client", "c-client"));
        search(wallet.admin(), Map.of("sort", "-createdAt"))
                .body("items.clientId", contains("c-client", "a-client", "b-client"));
        // never used: all tie, so clientId decides
        search(wallet.admin(), Map.of("sort", "-lastUsedAt"))
                .body("items.clientId", contains("a-client", "b-client", "c-client"));
    }

    private void setExpiry(ClientChecks.OwnWallet wallet, String clientId, LocalDate date) {
        assertEquals(
                1,
                ClientChecks.execute(
                        database,
                        "update api_client set expiry_date = ? where client_id = ?"
                                + " and wallet_id = (select id from wallet where external_key = ?)",
                        date,
                        clientId,
                        wallet.key()));
    }
}
