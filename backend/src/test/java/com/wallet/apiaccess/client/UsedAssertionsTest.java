package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay protection's table: one winner per (client, jti), batched statements, expired rows pruned. */
@QuarkusTest
class UsedAssertionsTest {

    @Inject
    UsedAssertions used;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldLetEachJtiWinOnceAmongManyAtOnce() {
        Instant exp = Instant.now().plusSeconds(60);
        long client = System.nanoTime() % 1_000_000_000L;
        List<String> jtis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            jtis.add(UUID.randomUUID().toString());
        }
        List<Uni<Boolean>> claims = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String jti : jtis) {
                claims.add(used.firstUse(client, jti, exp));
            }
        }
        // the same jti of another client is another assertion
        claims.add(used.firstUse(client + 1, jtis.get(0), exp));

        List<?> results = Uni.join().all(claims).andFailFast().await().atMost(Duration.ofSeconds(30));

        assertThat(results.stream().filter(Boolean.TRUE::equals).count()).isEqualTo(101);
        assertThat(results.get(results.size() - 1)).isEqualTo(true);
        assertThat(used.firstUse(client, jtis.get(7), exp).await().atMost(Duration.ofSeconds(10)))
                .isFalse();
    }

    @Test
    void shouldPruneRowsPastTheirExpiry() throws SQLException {
        long client = 2_000_000_000L + System.nanoTime() % 1_000_000L;
        used.firstUse(client, "old", Instant.now().minusSeconds(3600)).await().atMost(Duration.ofSeconds(10));
        used.firstUse(client, "live", Instant.now().plusSeconds(60)).await().atMost(Duration.ofSeconds(10));

        used.prune().await().atMost(Duration.ofSeconds(10));

        assertThat(jtisOf(client)).containsExactly("live");
    }

    private List<String> jtisOf(long client) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect(database);
                PreparedStatement s = c.prepareStatement("select jti from used_assertion where client_row_id = ?")) {
            s.setLong(1, client);
            List<String> jtis = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jtis.add(rs.getString(1));
                }
            }
            return jtis;
        }
    }
}
