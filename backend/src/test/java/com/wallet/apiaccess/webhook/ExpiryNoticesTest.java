package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** client.expiring 30, 7 and 1 days ahead and client.expired: once each, over a clock the test moves. */
@QuarkusTest
class ExpiryNoticesTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    ExpiryNotices notices;

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String clientExpiring(LocalDate expiryDate) {
        String clientId = Api.unique("expiring");
        Api.as(Api.adminToken())
                .body(Map.of(
                        "clientId", clientId, "roles", List.of("accounts:read"), "expiryDate", expiryDate.toString()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201);
        return clientId;
    }

    /** The notices recorded for the client, oldest first: "client.expiring 30", ..., "client.expired". */
    private List<String> noticesOf(String clientId) throws Exception {
        return Webhooks.rows(
                        database,
                        "select action || coalesce(' ' || (changes->>'daysAhead'), ''), actor_type, actor_id"
                                + " from audit_event where target_type = 'client' and target_id = ?"
                                + " and action in ('client.expiring', 'client.expired') order by id",
                        clientId)
                .stream()
                .map(row -> {
                    assertThat(row.subList(1, 3)).containsExactly("operator", "api-access");
                    return row.get(0);
                })
                .toList();
    }

    private void runOn(Instant now) {
        notices.run(now).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void shouldNoticeEachThresholdOnceAsTheDaysPass() throws Exception {
        LocalDate expiry = today().plusDays(35);
        String clientId = clientExpiring(expiry);
        Instant now = Instant.now();

        runOn(now);
        assertThat(noticesOf(clientId)).isEmpty();

        runOn(now.plus(Duration.ofDays(5)));
        runOn(now.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
        assertThat(noticesOf(clientId)).containsExactly("client.expiring 30");

        runOn(now.plus(Duration.ofDays(27)));
        assertThat(noticesOf(clientId)).containsExactly("client.expiring 30");

        runOn(now.plus(Duration.ofDays(28)));
        runOn(now.plus(Duration.ofDays(28)));
        assertThat(noticesOf(clientId)).containsExactly("client.expiring 30", "client.expiring 7");

        runOn(now.plus(Duration.ofDays(34)));
        assertThat(noticesOf(clientId)).containsExactly("client.expiring 30", "client.expiring 7", "client.expiring 1");

        runOn(now.plus(Duration.ofDays(35)));
        assertThat(noticesOf(clientId)).as("it works through its expiry date").hasSize(3);

        runOn(now.plus(Duration.ofDays(36)));
        runOn(now.plus(Duration.ofDays(37)));
        assertThat(noticesOf(clientId))
                .containsExactly("client.expiring 30", "client.expiring 7", "client.expiring 1", "client.expired");
        List<List<String>> expired = Webhooks.rows(
                database,
                "select changes->>'expiryDate' from audit_event where target_id = ? and action = 'client.expired'",
                clientId);
        assertThat(expired).containsExactly(List.of(expiry.toString()));
    }

    @Test
    void shouldCatchUpEveryNoticeOnceAfterAPause() throws Exception {
        String clientId = clientExpiring(today().plusDays(20));
        Instant later = Instant.now().plus(Duration.ofDays(40));

        runOn(later);
        runOn(later);
        runOn(later.plus(Duration.ofDays(1)));

        assertThat(noticesOf(clientId))
                .containsExactly("client.expiring 30", "client.expiring 7", "client.expiring 1", "client.expired");
        List<List<String>> daysLeft = Webhooks.rows(
                database,
                "select changes->>'daysLeft' from audit_event where target_id = ? and action = 'client.expiring'",
                clientId);
        assertThat(daysLeft).containsOnly(List.of("-20"));
    }
}
