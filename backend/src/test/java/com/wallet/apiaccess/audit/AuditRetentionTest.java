package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.wallet.apiaccess.audit.Audit.actions;
import static com.wallet.apiaccess.audit.Audit.events;
import static org.assertj.core.api.Assertions.assertThat;

/** Events past api-access.audit.retention (400 days) are pruned; younger ones stay. */
@QuarkusTest
class AuditRetentionTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    AuditRetention retention;

    @Test
    void shouldPruneOnlyWhatIsPastTheRetention() throws Exception {
        String admin = Api.adminToken();
        String old = Api.unique("ret-old");
        String young = Api.unique("ret-young");
        Api.createClient(admin, old, List.of("accounts:read"));
        Api.createClient(admin, young, List.of("accounts:read"));
        Instant now = Instant.now();
        try (Connection db = PostgresTestDatabase.connect(database);
                PreparedStatement age = db.prepareStatement("update audit_event set at = ? where target_id = ?")) {
            age.setObject(
                    1, java.time.OffsetDateTime.ofInstant(now.minus(Duration.ofDays(401)), java.time.ZoneOffset.UTC));
            age.setString(2, old);
            assertThat(age.executeUpdate()).isEqualTo(1);
            age.setObject(
                    1, java.time.OffsetDateTime.ofInstant(now.minus(Duration.ofDays(399)), java.time.ZoneOffset.UTC));
            age.setString(2, young);
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        long pruned = retention.prune(now).await().indefinitely();

        assertThat(pruned).isGreaterThanOrEqualTo(1);
        assertThat(events(admin, "clientId=" + old)).isEmpty();
        assertThat(actions(events(admin, "clientId=" + young))).containsExactly("client.created");
        assertThat(retention.prune(now).await().indefinitely()).isZero();
    }
}
