package com.wallet.apiaccess.resilience;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The packaged service in the prod profile will not start on development defaults unless told to. */
class ProductionGuardIT {

    @Test
    void shouldRefuseToStartInProductionWithDevelopmentDefaults() throws Exception {
        PostgresTestDatabase database = new PostgresTestDatabase();
        Map<String, String> settings = new HashMap<>(database.start());
        settings.remove("test.database.name");
        settings.put("api-access.bootstrap.wallet-key", "guarded");
        settings.put("api-access.bootstrap.admin-username", "admin");
        settings.put("api-access.bootstrap.admin-password", "admin");
        settings.put("api-access.platform.operator-token", "an-operator-token-of-31-chars!!");
        try {
            Throwable refused = catchThrowable(
                    () -> PackagedService.start("guard-refused", settings).close());

            assertThat(refused)
                    .hasMessageContaining("exited at start")
                    .hasMessageContaining("Refusing to start in production")
                    .hasMessageContaining("no signing key")
                    .hasMessageContaining("api-access.secret-pepper")
                    .hasMessageContaining("admin-password is shorter than 12")
                    .hasMessageContaining("operator-token is shorter than 32");

            settings.put("api-access.allow-insecure-defaults", "true");
            try (PackagedService allowed = PackagedService.start("guard-allowed", settings)) {
                assertThat(allowed.log())
                        .contains("Insecure for production, allowed by api-access.allow-insecure-defaults");
            }
        } finally {
            database.stop();
        }
    }
}
