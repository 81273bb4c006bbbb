package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.ClientChecks.OwnWallet;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * status (active, expiring within 30 days, expired, disabled), the status= and unusedDays= filters and
 * sort=status, in a wallet of its own: five clients, one in each state and one never used.
 */
@QuarkusTest
class ClientStatusTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private OwnWallet wallet;

    @BeforeEach
    void fiveClients() {
        wallet = ClientChecks.provisionWallet("stat");
        LocalDate today = ClientChecks.todayUtc();
        make("a-active", today.plusDays(200), true, Instant.now().minus(Duration.ofDays(2)));
        make("b-soon", today.plusDays(10), true, Instant.now().minus(Duration.ofDays(100)));
        make("c-today", today, true, null);
        make("d-gone", today.minusDays(1), true, Instant.now().minus(Duration.ofDays(95)));
        make("e-off", today.plusDays(300), false, Instant.now().minus(Duration.ofDays(1)));
    }

    private void make(String clientId, LocalDate expiry, boolean enabled, Instant lastUsed) {
        ClientChecks.post(
                        wallet.admin(),
                        Map.of("clientId", clientId, "roles", List.of("accounts:read"), "enabled", enabled))
                .statusCode(201);
        String row = "client_id = ? and wallet_id = (select id from wallet where external_key = ?)";
        ClientChecks.update(
                database,
                "update api_client set expiry_date = ? where " + row,
                java.sql.Date.valueOf(expiry),
                clientId,
                wallet.key());
        if (lastUsed != null) {
            ClientChecks.update(
                    database,
                    "update api_client set last_used_at = ? where " + row,
                    Timestamp.from(lastUsed),
                    clientId,
                    wallet.key());
        }
    }

    private List<String> clientIds(Map<String, ?> query) {
        return ClientChecks.search(wallet.admin(), query)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.clientId");
    }

    @Test
    void shouldGiveEachClientItsStatus() {
        var items = ClientChecks.search(wallet.admin(), Map.of())
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(items.getList("items.status"))
                .containsExactly("active", "expiring", "expiring", "expired", "disabled");
        ClientChecks.get(wallet.admin(), "b-soon").body("status", equalTo("expiring"));
    }

    @Test
    void shouldFilterByStatus() {
        assertThat(clientIds(Map.of("status", "expiring"))).containsExactly("b-soon", "c-today");
        assertThat(clientIds(Map.of("status", "expired,disabled"))).containsExactly("d-gone", "e-off");
        assertThat(clientIds(Map.of("status", "active"))).containsExactly("a-active");
        ClientChecks.search(wallet.admin(), Map.of("status", "expired,disabled"))
                .body("total", equalTo(2));
    }

    @Test
    void shouldFilterByDaysUnusedCountingNeverUsed() {
        assertThat(clientIds(Map.of("unusedDays", "90"))).containsExactly("b-soon", "c-today", "d-gone");
        assertThat(clientIds(Map.of("unusedDays", "90", "status", "expired"))).containsExactly("d-gone");
        assertThat(clientIds(Map.of("unusedDays", "90", "q", "soon"))).containsExactly("b-soon");
    }

    @Test
    void shouldSortByStatusBothWays() {
        assertThat(clientIds(Map.of("sort", "status")))
                .containsExactly("a-active", "b-soon", "c-today", "d-gone", "e-off");
        assertThat(clientIds(Map.of("sort", "-status")))
                .containsExactly("e-off", "d-gone", "c-today", "b-soon", "a-active");
        assertThat(clientIds(Map.of("sort", "status", "size", "2", "page", "1")))
                .containsExactly("c-today", "d-gone");
    }

    @Test
    void shouldNameTheBadParameter() {
        isFieldError(ClientChecks.search(wallet.admin(), Map.of("status", "sleeping")), "status");
        isFieldError(ClientChecks.search(wallet.admin(), Map.of("status", "active,")), "status");
        isFieldError(ClientChecks.search(wallet.admin(), Map.of("unusedDays", "0")), "unusedDays");
        isFieldError(ClientChecks.search(wallet.admin(), Map.of("unusedDays", "often")), "unusedDays");
    }
}
