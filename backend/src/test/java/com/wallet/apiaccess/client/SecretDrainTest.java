package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.SecretRotationTest.Made;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The older secret of a rotation retires by itself once drained: the newer one obtained a token and
 * the older one went unused for the idle window (PT1H). The sweep is called with a later clock
 * instead of waiting an hour.
 */
@QuarkusTest
class SecretDrainTest {

    private static final Duration PAST_THE_IDLE_WINDOW = Duration.ofMinutes(62);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SecretRetirement retirement;

    @Inject
    UsageRecorder usage;

    @ConfigProperty(name = "test.database.name")
    String database;

    private void sweepAt(Instant now) {
        usage.write().await().atMost(WAIT);
        retirement.sweep(now).await().atMost(WAIT);
    }

    @Test
    void shouldRetireTheOldSecretOnceTheNewOneIsInUseAndTheOldOneIdle() {
        Made made = SecretRotationTest.client("drain");
        Api.clientToken(made.oauthClientId(), made.secret());
        String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");
        Api.clientToken(made.oauthClientId(), newSecret);

        sweepAt(Instant.now());
        assertThat(Secrets.secretsOf(made.admin(), made.clientId()))
                .as("used a moment ago, the old secret is not idle yet")
                .hasSize(2);

        sweepAt(Instant.now().plus(PAST_THE_IDLE_WINDOW));
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(401);
        Secrets.tokenRequest(made.oauthClientId(), newSecret).then().statusCode(200);
    }

    @Test
    void shouldKeepTheOldSecretWhileTheNewOneHasNotObtainedAToken() {
        Made made = SecretRotationTest.client("drain-unused");
        Secrets.rotated(made.admin(), made.clientId());

        sweepAt(Instant.now().plus(PAST_THE_IDLE_WINDOW));

        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(2);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
    }

    @Test
    void shouldRetireAtRetiresAtEvenWhileStillInUse() {
        Made made = SecretRotationTest.client("drain-due");
        Instant at = Instant.now().plus(Duration.ofMinutes(10));
        Secrets.rotate(made.admin(), made.clientId(), Map.of("retireOldAt", at.toString()))
                .statusCode(201);

        sweepAt(at.minusSeconds(1));
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(2);

        sweepAt(at);
        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(401);
    }

    @Test
    void shouldShowWhenEachSecretWasLastUsed() {
        Made made = SecretRotationTest.client("drain-seen");
        String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");
        Instant before = Instant.now().minusSeconds(1);

        Api.clientToken(made.oauthClientId(), newSecret);
        usage.write().await().atMost(WAIT);

        var secrets = Secrets.secretsOf(made.admin(), made.clientId());
        assertThat(secrets.get(0).get("lastUsedAt")).isNull();
        assertThat(Instant.parse((String) secrets.get(1).get("lastUsedAt"))).isAfter(before);
        assertThat(Instant.parse(ClientChecks.get(made.admin(), made.clientId())
                        .extract()
                        .path("lastUsedAt")))
                .isAfter(before);
    }

    @Test
    void shouldDeleteALinkNobodyOpenedOnceItExpired() {
        String admin = Api.adminToken();
        String clientId = Api.unique("drain-link");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        Secrets.rotate(admin, clientId, Map.of("delivery", "link")).statusCode(201);
        ClientChecks.update(
                database,
                "update client_secret set link_expires_at = ? where secret_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                Secrets.secretIdAt(admin, clientId, 1));

        assertThat(Secrets.secretsOf(admin, clientId))
                .as("an expired link is not shown")
                .hasSize(1);
        sweepAt(Instant.now());

        assertThat(ClientChecks.number(
                        database,
                        "select count(*) from client_secret s join api_client c on c.id = s.client_row_id"
                                + " where c.client_id = ?",
                        clientId))
                .isEqualTo(1);
    }
}
