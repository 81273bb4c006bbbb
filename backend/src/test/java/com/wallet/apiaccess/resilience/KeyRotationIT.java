package com.wallet.apiaccess.resilience;

import com.wallet.apiaccess.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation runbook of docs/operations.md, step by step on the packaged service: sign with a new key while
 * publishing the previous one, and tokens signed before the switch still pass; retire the previous
 * key once they have expired, and they no longer do.
 */
class KeyRotationIT {

    private static final String OLD_KEY = key("signing-key.pem");
    private static final String OLD_PUBLIC_KEY = key("signing-key.pub.pem");
    private static final String NEW_KEY = key("next-signing-key.pem");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldKeepTokensOfThePreviousKeyValidUntilItIsRetired() throws Exception {
        PostgresTestDatabase database = new PostgresTestDatabase();
        Map<String, String> base = new HashMap<>(database.start());
        try {
            base.remove("test.database.name");
            base.put("api-access.secret-pepper", "rotation-pepper-of-some-length");
            base.put("api-access.bootstrap.wallet-key", "rotation");
            base.put("api-access.bootstrap.admin-username", "admin");
            base.put("api-access.bootstrap.admin-password", "rotation-password-1");
            base.put("api-access.password.bcrypt-cost", "4");
            base.put("api-access.issuer", "https://api-access.example");
            base.put("api-access.token.lifetime", "PT1H");

            String beforeSwitch;
            String oldKid;
            try (PackagedService service = PackagedService.start(
                    "rotation-1", with(base, Map.of("api-access.jwt.sign-key-location", OLD_KEY)))) {
                String admin = signIn(service);
                String secret = field(
                        send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/clients"))
                                        .header("Authorization", "Bearer " + admin)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"clientId\":\"rotating\",\"roles\":[\"api-access:read\"]}"))
                                        .build())
                                .body(),
                        "clientSecret");
                beforeSwitch = field(token(service, secret).body(), "access_token");
                oldKid = kid(beforeSwitch);
            }

            try (PackagedService service = PackagedService.start(
                    "rotation-2",
                    with(
                            base,
                            Map.of(
                                    "api-access.jwt.sign-key-location", NEW_KEY,
                                    "api-access.jwt.previous-public-key-locations", OLD_PUBLIC_KEY)))) {
                String jwks = send(get(service, "/oauth2/jwks", null)).body();
                String afterSwitch = signIn(service);
                assertThat(kid(afterSwitch))
                        .as("new tokens are signed with the new key")
                        .isNotEqualTo(oldKid);
                assertThat(jwks).contains("\"" + oldKid + "\"").contains("\"" + kid(afterSwitch) + "\"");
                assertThat(send(get(service, "/api/clients/rotating", beforeSwitch))
                                .statusCode())
                        .as("a token signed before the switch")
                        .isEqualTo(200);
                assertThat(send(get(service, "/api/clients/rotating", afterSwitch))
                                .statusCode())
                        .isEqualTo(200);
            }

            try (PackagedService service = PackagedService.start(
                    "rotation-3", with(base, Map.of("api-access.jwt.sign-key-location", NEW_KEY)))) {
                assertThat(send(get(service, "/oauth2/jwks", null)).body()).doesNotContain(oldKid);
                HttpResponse<String> retired = send(get(service, "/api/clients/rotating", beforeSwitch));
                assertThat(retired.statusCode())
                        .as("a token of the retired key")
                        .isEqualTo(401);
                assertThat(retired.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
            }
        } finally {
            database.stop();
        }
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    private String signIn(PackagedService service) throws Exception {
        return field(
                send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/session"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"wallet\":\"rotation\",\"username\":\"admin\",\"password\":\"rotation-password-1\"}"))
                                .build())
                        .body(),
                "token");
    }

    private HttpResponse<String> token(PackagedService service, String secret) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=wallet-rotation-rotating" + "&client_secret="
                                + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .build());
    }

    private static HttpRequest get(PackagedService service, String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String kid(String jwt) {
        String header =
                new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return field(header, "kid");
    }

    private static String key(String name) {
        return Path.of("src/test/resources/keys", name).toAbsolutePath().toString();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
