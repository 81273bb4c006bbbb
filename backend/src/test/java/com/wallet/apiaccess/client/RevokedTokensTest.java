package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The denylist: what is in the table is what a replica refuses, until the token's exp; then it goes. */
@QuarkusTest
class RevokedTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RevokedTokens revoked;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldRefuseWhatTheTableHoldsOnceItIsReadAgain() throws Exception {
        // As if another replica had revoked it while this one was not listening.
        String jti = UUID.randomUUID().toString();
        insert(jti, Instant.now().plusSeconds(600));
        assertThat(revoked.isRevokedInDatabase(jti).await().atMost(WAIT)).isTrue();

        revoked.reload().await().atMost(WAIT);

        assertThat(revoked.isRevoked(jti)).isTrue();
    }

    @Test
    void shouldPruneRevocationsOfTokensThatHaveExpiredAnyway() throws Exception {
        String live = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        Instant now = Instant.now();
        revoked.revoke(live, "acme", "some-client", now.plusSeconds(600).getEpochSecond())
                .await()
                .atMost(WAIT);
        insert(expired, now.minusSeconds(RevokedTokens.KEEP_AFTER_EXPIRY_SECONDS + 60));

        revoked.prune(now).await().atMost(WAIT);

        assertThat(stored(live)).isTrue();
        assertThat(revoked.isRevoked(live)).isTrue();
        assertThat(stored(expired)).isFalse();

        // Past the live one's exp (and the margin for clock skew) it goes as well, here and in the table.
        revoked.prune(now.plusSeconds(600 + RevokedTokens.KEEP_AFTER_EXPIRY_SECONDS + 1))
                .await()
                .atMost(WAIT);
        assertThat(stored(live)).isFalse();
        assertThat(revoked.isRevoked(live)).isFalse();
    }

    private void insert(String jti, Instant expiresAt) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement insert = connection.prepareStatement("insert into revoked_token"
                        + " (jti, wallet_key, client_id, expires_at) values (?, 'acme', 'some-client', ?)")) {
            insert.setString(1, jti);
            insert.setObject(2, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private boolean stored(String jti) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement query = connection.prepareStatement("select 1 from revoked_token where jti = ?")) {
            query.setString(1, jti);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
