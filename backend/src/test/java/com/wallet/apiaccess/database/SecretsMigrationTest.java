package com.wallet.apiaccess.database;

import com.wallet.apiaccess.crypto.CredentialRef;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 moves each client's secret into client_secret without breaking it: the same digest, and the
 * credential_ref that the tokens issued before it carry, so those stay valid across the upgrade.
 */
class SecretsMigrationTest {

    private static final String SERVER =
            "jdbc:postgresql://" + System.getenv().getOrDefault("TEST_DB_HOST", "127.0.0.1") + ":"
                    + System.getenv().getOrDefault("TEST_DB_PORT", "5432") + "/";
    private static final String USER = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");

    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "apiaccess_migration_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        onServer("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        onServer("drop database if exists " + database + " with (force)");
    }

    @Test
    void shouldCarryEachSecretOverWithTheCredentialRefItsTokensCarry() throws SQLException {
        Flyway.configure()
                .dataSource(SERVER + database, USER, PASSWORD)
                .target("7")
                .load()
                .migrate();
        String digest = "hmac-sha256$" + "q".repeat(43);
        try (Connection c = PostgresTestDatabase.connect(database);
                Statement s = c.createStatement()) {
            s.execute("insert into wallet (external_key, name, created_at) values ('mig1', 'M', now())");
            s.execute("insert into api_client (wallet_id, client_id, secret_digest, roles, expiry_date, created_at,"
                    + " updated_at, last_used_at) select id, 'old-client', '" + digest + "', 'accounts:read',"
                    + " '2030-01-01', now(), now(), '2026-11-30T10:00:00Z' from wallet");
        }

        Flyway.configure().dataSource(SERVER + database, USER, PASSWORD).load().migrate();

        try (Connection c = PostgresTestDatabase.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select s.digest, s.credential_ref, s.hint, s.secret_id, s.last_used_at,"
                                + " s.retires_at, c.enabled from client_secret s join api_client c on c.id = s.client_row_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("digest")).isEqualTo(digest);
            assertThat(rs.getString("credential_ref")).isEqualTo(CredentialRef.of(digest));
            assertThat(rs.getString("hint")).isNull();
            assertThat(rs.getString("secret_id")).matches("[0-9a-f]{16}");
            assertThat(rs.getTimestamp("last_used_at").toInstant()).hasToString("2026-11-30T10:00:00Z");
            assertThat(rs.getTimestamp("retires_at")).isNull();
            assertThat(rs.getBoolean("enabled")).isTrue();
            assertThat(rs.next()).as("one secret per client").isFalse();
        }
    }

    private static void onServer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
