package com.wallet.apiaccess.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A wallet with more clients than {@code api-access.search.indexed-clients} is searched in PostgreSQL. */
@QuarkusTest
@TestProfile(ClientSearchBeyondMemoryTest.TwoClientsInMemory.class)
class ClientSearchBeyondMemoryTest {

    public static class TwoClientsInMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.search.indexed-clients", "2");
        }
    }

    @Inject
    ClientSearch search;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldSearchAWalletTooLargeForMemoryInPostgreSql() {
        ClientChecks.OwnWallet small = ClientChecks.provisionWallet("m");
        ClientChecks.OwnWallet large = ClientChecks.provisionWallet("m");
        post(small.admin(), Map.of("clientId", "lone", "roles", List.of("accounts:read"), "notes", "Kiosk"))
                .statusCode(201);
        for (String clientId : List.of("kiosk-east", "kiosk-west", "till")) {
            post(large.admin(), Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                    .statusCode(201);
        }

        search(small.admin(), "kiosk").body("total", equalTo(1)).body("items.clientId", contains("lone"));
        search(large.admin(), Map.of("q", "KIOSK", "sort", "-clientId"))
                .body("total", equalTo(2))
                .body("items.clientId", contains("kiosk-west", "kiosk-east"));

        assertThat(search.page(ClientChecks.walletId(database, large.key()), "", "kiosk", ClientSort.DEFAULT, 0, 20)
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .as("not answered from memory")
                .isNull();
        assertThat(search.page(ClientChecks.walletId(database, small.key()), "", "kiosk", ClientSort.DEFAULT, 0, 20)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .total())
                .isEqualTo(1);
    }
}
