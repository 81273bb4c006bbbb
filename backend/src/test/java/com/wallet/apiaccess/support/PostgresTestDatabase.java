package com.wallet.apiaccess.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run a PostgreSQL database of its own on the local server (no Docker here), which
 * Flyway migrates at start and which is dropped at the end, so runs never collide. The server is
 * TEST_DB_HOST:TEST_DB_PORT (127.0.0.1:5432), user TEST_DB_USER (postgres), TEST_DB_PASSWORD.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("TEST_DB_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_DB_PORT", "5432");
    private static final String USER = env("TEST_DB_USER", "postgres");
    private static final String PASSWORD = env("TEST_DB_PASSWORD", "");

    private String database;

    @Override
    public Map<String, String> start() {
        database = "apiaccess_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + database);
        String hostPort = HOST + ":" + PORT + "/" + database;
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "test.database.name", database);
    }

    @Override
    public void stop() {
        if (database != null && !Boolean.getBoolean("test.db.keep")) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    /** A JDBC connection to this run's database, for tests that must set up what the API refuses. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot prepare the test database on " + HOST + ":" + PORT + " as " + USER
                            + " (is PostgreSQL running?): " + e.getMessage(),
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
