package com.wallet.apiaccess.resilience;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service in the prod profile: health, metrics and OpenAPI answer on the management
 * interface only, never on the service's own port; on SIGTERM readiness goes down first while the
 * service still answers (quarkus.shutdown.delay), then it stops.
 */
class ManagementInterfaceIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> MANAGEMENT_PATHS =
            List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi");

    @Test
    void shouldServeQOnTheManagementPortOnlyAndGoUnreadyBeforeItStops() throws Exception {
        PostgresTestDatabase database = new PostgresTestDatabase();
        Map<String, String> settings = new HashMap<>(database.start());
        settings.remove("test.database.name");
        settings.put(
                "api-access.jwt.sign-key-location",
                Path.of("src/test/resources/keys/signing-key.pem")
                        .toAbsolutePath()
                        .toString());
        settings.put("api-access.secret-pepper", "management-pepper-of-some-length");
        settings.put("api-access.password.bcrypt-cost", "4");
        try (PackagedService service = PackagedService.start("management-it", settings)) {
            assertThat(get(service.baseUrl() + "/.well-known/oauth-authorization-server")
                            .statusCode())
                    .isEqualTo(200);
            for (String path : MANAGEMENT_PATHS) {
                HttpResponse<String> management = get(service.managementUrl() + path);
                assertThat(management.statusCode())
                        .as("%s on the management port", path)
                        .isEqualTo(200);
                HttpResponse<String> main = get(service.baseUrl() + path);
                assertThat(main.statusCode())
                        .as("%s on the service's port: %s", path, main.body())
                        .isEqualTo(404);
            }
            // The service's own requests are counted there; the management port's are not.
            assertThat(get(service.managementUrl() + "/q/metrics").body())
                    .contains("http_server_requests_seconds_count{")
                    .contains("uri=\"/.well-known/oauth-authorization-server\"");

            // SIGTERM: readiness is down at once, the service answers through the delay, then exits.
            long signalled = System.nanoTime();
            service.process().destroy();
            HttpResponse<String> ready;
            do {
                ready = get(service.managementUrl() + "/q/health/ready");
            } while (ready.statusCode() == 200 && System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(3));
            long readyAnswered = System.nanoTime();
            HttpResponse<String> api = get(service.baseUrl() + "/.well-known/oauth-authorization-server");
            long apiAnswered = System.nanoTime();
            assertThat(ready.statusCode())
                    .as("readiness soon after SIGTERM: " + ready.body())
                    .isEqualTo(503);
            assertThat(api.statusCode())
                    .as("the service still answers during the shutdown delay")
                    .isEqualTo(200);
            assertThat(Duration.ofNanos(apiAnswered - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(readyAnswered - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(service.process().waitFor(40, TimeUnit.SECONDS))
                    .as("stopped after delay and drain")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled))
                    .as("no sooner than the 5s delay")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        } finally {
            database.stop();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
