package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.put;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Searches answered from memory ({@link ClientSearch}) are the searches PostgreSQL answers, and they see
 * every change at once: made through this service, or written into the table by anything else (another
 * replica), because each answer checks the wallet's clients_version (migration V6) in the same statement.
 */
@QuarkusTest
class ClientSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> SORTS =
            List.of("clientId", "-clientId", "expiryDate", "-expiryDate", "createdAt", "-createdAt");

    @Inject
    ClientSearch search;

    @Inject
    ClientListing listing;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldAnswerEverySearchAsPostgreSqlDoes() throws SQLException {
        ClientChecks.OwnWallet wallet = ClientChecks.provisionWallet("s");
        long walletId = walletId(wallet);
        String prefix = "wallet-" + wallet.key() + "-";
        Random random = new Random(20261128);
        String[] words = {
            "Partner", "partner", "ACME", "Ünïcode", "日本", "100%", "a_b", "back\\slash", "billing", "", "x"
        };
        List<String> notes = new ArrayList<>();
        try (Connection c = PostgresTestDatabase.connect(database);
                PreparedStatement insert = c.prepareStatement(
                        "insert into api_client (wallet_id, client_id, secret_digest,"
                                + " roles, expiry_date, notes, created_at, updated_at) values (?, ?, 'x', 'accounts:read', ?, ?, ?, ?)")) {
            for (int i = 0; i < 60; i++) {
                String note = random.nextInt(8) == 0
                        ? null
                        : words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + i;
                Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(5) * 3600L);
                insert.setLong(1, walletId);
                insert.setString(
                        2,
                        (random.nextBoolean() ? "svc-" : "svc.") + Integer.toString(random.nextInt(1_000_000), 36) + "-"
                                + i);
                insert.setObject(3, LocalDate.of(2027, 1, 1).plusDays(random.nextInt(4)));
                insert.setString(4, note);
                insert.setObject(5, created.atOffset(java.time.ZoneOffset.UTC));
                insert.setObject(6, created.atOffset(java.time.ZoneOffset.UTC));
                insert.addBatch();
                if (note != null) {
                    notes.add(note);
                }
            }
            insert.executeBatch();
        }
        List<String> queries = new ArrayList<>(List.of(
                "partner",
                "PARTNER",
                "ü",
                "日本",
                "%",
                "_",
                "\\",
                "a_b",
                "svc.",
                "svc-",
                "-1",
                "nothing-like-it",
                "x",
                " "));
        for (int i = 0; i < 20; i++) {
            String note = notes.get(random.nextInt(notes.size()));
            int from = random.nextInt(note.length());
            queries.add(note.substring(from, Math.min(note.length(), from + 1 + random.nextInt(6))));
        }

        for (String q : queries) {
            for (String sort : SORTS) {
                for (int page = 0; page < 3; page++) {
                    ClientSort order = ClientSort.parse(sort).orElseThrow();
                    ClientPage fromMemory = search.page(walletId, prefix, q, order, page, 9)
                            .await()
                            .atMost(WAIT);
                    ClientPage fromDatabase = listing.inDatabase(walletId, prefix, q, ClientFilter.NONE, order, page, 9)
                            .await()
                            .atMost(WAIT);
                    assertThat(fromMemory)
                            .as("q=%s sort=%s page=%d", q, sort, page)
                            .isEqualTo(fromDatabase);
                }
            }
        }
    }

    @Test
    void shouldSeeChangesMadeThroughTheApiAtOnce() {
        ClientChecks.OwnWallet wallet = ClientChecks.provisionWallet("s");
        post(wallet.admin(), Map.of("clientId", "steady", "roles", List.of("accounts:read"), "notes", "unrelated"))
                .statusCode(201);
        search(wallet.admin(), "harbour").body("total", equalTo(0));

        post(wallet.admin(), Map.of("clientId", "newcomer", "roles", List.of("accounts:read"), "notes", "Harbour ops"))
                .statusCode(201);
        search(wallet.admin(), "harbour").body("total", equalTo(1)).body("items.clientId", contains("newcomer"));

        put(wallet.admin(), "newcomer", Map.of("roles", List.of("accounts:read"), "notes", "Airport ops"))
                .statusCode(200);
        search(wallet.admin(), "harbour").body("total", equalTo(0));
        search(wallet.admin(), "airport").body("items.notes", contains("Airport ops"));

        Api.as(wallet.admin())
                .when()
                .delete(ClientChecks.CLIENTS + "/newcomer")
                .then()
                .statusCode(204);
        search(wallet.admin(), "airport").body("total", equalTo(0));
        search(wallet.admin(), "ops").body("total", equalTo(0));
    }

    @Test
    void shouldSeeRowsWrittenByAnotherReplicaAtOnce() {
        ClientChecks.OwnWallet wallet = ClientChecks.provisionWallet("s");
        post(wallet.admin(), Map.of("clientId", "elsewhere", "roles", List.of("accounts:read"), "notes", "before"))
                .statusCode(201);
        search(wallet.admin(), "before").body("total", equalTo(1));

        execute(
                "update api_client set notes = 'after' where client_id = 'elsewhere' and wallet_id = ?",
                walletId(wallet));
        search(wallet.admin(), "before").body("total", equalTo(0));
        search(wallet.admin(), "after").body("items.clientId", contains("elsewhere"));

        execute(
                "insert into api_client (wallet_id, client_id, secret_digest, roles, expiry_date, notes, created_at, updated_at)"
                        + " select ?, 'bulk-' || i, 'x', 'accounts:read', current_date, 'after ' || i, now(), now()"
                        + " from generate_series(1, 30) i",
                walletId(wallet));
        search(wallet.admin(), "after").body("total", equalTo(31));
    }

    @Test
    void shouldNotInvalidateTheWalletWhenOnlyUsageOrRolesChange() {
        ClientChecks.OwnWallet wallet = ClientChecks.provisionWallet("s");
        post(wallet.admin(), Map.of("clientId", "busy", "roles", List.of("accounts:read"), "notes", "n"))
                .statusCode(201);
        long walletId = walletId(wallet);
        long before = clientsVersion(walletId);

        execute("update api_client set last_used_at = now(), roles = 'payments:read' where wallet_id = ?", walletId);
        assertThat(clientsVersion(walletId)).isEqualTo(before);

        execute("update api_client set notes = 'm' where wallet_id = ?", walletId);
        assertThat(clientsVersion(walletId)).isEqualTo(before + 1);
    }

    private long walletId(ClientChecks.OwnWallet wallet) {
        return ClientChecks.walletId(database, wallet.key());
    }

    private long clientsVersion(long walletId) {
        return ClientChecks.number(database, "select clients_version from wallet where id = ?", walletId);
    }

    private void execute(String sql, long walletId) {
        assertThat(ClientChecks.execute(database, sql, walletId)).isPositive();
    }
}
