package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bootstrap settings give one wallet "acme" and one admin, however often they are applied. */
@QuarkusTest
class BootstrapTest {

    @Inject
    Bootstrap bootstrap;

    @Inject
    WalletProvisioning provisioning;

    @Inject
    PasswordHasher hasher;

    @Inject
    ApiAccessConfig config;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldHaveCreatedTheBootstrapWalletOnce() {
        assertEquals(1, count("select count(*) from wallet where external_key = ?", "acme"));
        assertEquals("Acme Corp", text("select name from wallet where external_key = ?", "acme"));
    }

    @Test
    void shouldHaveCreatedTheBootstrapAdminOnce() {
        assertEquals(
                1,
                count(
                        "select count(*) from wallet_user u join wallet w on w.id = u.wallet_id"
                                + " where w.external_key = ? and u.username = 'admin'",
                        "acme"));
    }

    @Test
    void shouldGiveTheBootstrapAdminEveryRole() {
        Api.as(Api.adminToken()).when().get("/api/me").then().statusCode(200).body("roles", hasSize(20));
    }

    @Test
    void shouldChangeNothingWhenBootstrapRunsAgain() throws Throwable {
        String hashBefore = text(
                "select u.password_hash from wallet_user u join wallet w on w.id = u.wallet_id"
                        + " where w.external_key = ? and u.username = 'admin'",
                "acme");
        bootstrap.onStart(new StartupEvent(), config, provisioning, hasher);
        assertEquals(1, count("select count(*) from wallet where external_key = ?", "acme"));
        assertEquals(
                1,
                count(
                        "select count(*) from wallet_user u join wallet w on w.id = u.wallet_id"
                                + " where w.external_key = ? and u.username = 'admin'",
                        "acme"));
        assertEquals(
                hashBefore,
                text(
                        "select u.password_hash from wallet_user u join wallet w on w.id = u.wallet_id"
                                + " where w.external_key = ? and u.username = 'admin'",
                        "acme"));
        Api.adminToken();
    }

    @Test
    @RunOnVertxContext
    void shouldAnswerNothingCreatedWhenEnsuringAnExistingWalletAndAdmin(UniAsserter asserter) {
        asserter.assertEquals(
                () -> provisioning.ensure("acme", "Acme Corp", "admin", hasher.hash("admin-password-1")), false);
    }

    @Test
    @RunOnVertxContext
    void shouldKeepTheAdminPasswordAndWalletNameWhenEnsuredWithOthers(UniAsserter asserter) {
        asserter.assertEquals(
                () -> provisioning.ensure("acme", "Another name", "admin", hasher.hash("a-different-password")), false);
        asserter.execute(() -> {
            assertEquals("Acme Corp", text("select name from wallet where external_key = ?", "acme"));
            assertEquals(1, count("select count(*) from wallet where external_key = ?", "acme"));
            assertEquals(
                    true,
                    hasher.matches(
                            "admin-password-1",
                            text(
                                    "select u.password_hash from wallet_user u"
                                            + " join wallet w on w.id = u.wallet_id where w.external_key = ? and u.username = 'admin'",
                                    "acme")));
        });
    }

    @Test
    void shouldStillSignInTheBootstrapAdminWithItsConfiguredPassword() {
        Api.as(Api.adminToken()).when().get("/api/me").then().statusCode(200).body("wallet.name", equalTo("Acme Corp"));
    }

    private long count(String sql, String parameter) {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql, String parameter) {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
