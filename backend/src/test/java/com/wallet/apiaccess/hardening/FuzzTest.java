package com.wallet.apiaccess.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated requests, hostile and malformed, against the running endpoints: no answer
 * is a 5xx, and every body is the endpoint's own error shape. The seed is printed and can be given
 * back with -Dfuzz.seed to replay a run.
 */
@QuarkusTest
class FuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final String[] CONTENT_TYPES = {
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=ISO-8859-1",
        "application/json",
        "multipart/form-data; boundary=xyz",
        "text/plain",
        "",
        "garbage/\u0001",
        "application/x-www-form-urlencoded; charset=utf-8; boundary=x"
    };
    private static final String[] NASTY = {
        "",
        " ",
        "%",
        "%zz",
        "%0",
        "%00",
        "\u0000",
        "\r\n",
        "\r\nSet-Cookie: x=y",
        "' or 1=1 --",
        "\"; drop table api_client; --",
        "../../etc/passwd",
        "..%2f..%2f",
        "\uD83D\uDE00",
        "\u202E",
        "wallet-acme-",
        "wallet--x",
        "wallet-acme-a",
        "wallet-acme-" + "a".repeat(70),
        "wallet-ACME-client",
        "client_credentials",
        "accounts:read",
        "accounts:read accounts:change",
        "x".repeat(4096),
        "null",
        "[]",
        "{}",
        "\\",
        "%ff%fe",
        "+",
        "&",
        "="
    };

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldNeverAnswer5xxOrAShapelessBody() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        String admin = Api.adminToken();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            HttpRequest request = switch (random.nextInt(5)) {
                case 0, 1 -> tokenRequest(random);
                case 2 -> jsonRequest(random, "POST", "/api/session", null);
                case 3 ->
                    jsonRequest(
                            random,
                            pick(random, "POST", "PUT"),
                            "/api/clients"
                                    + (random.nextBoolean()
                                            ? ""
                                            : "/" + URLEncoder.encode(pick(random, NASTY), StandardCharsets.UTF_8)),
                            admin);
                default -> listRequest(random, admin);
            };
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String problem = judge(request, response);
            if (problem != null) {
                failures.add(request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                        + abbreviate(response.body()) + ": " + problem);
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    private String judge(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a 5xx";
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (Exception e) {
            return "a body that is not JSON";
        }
        if (body == null) {
            return "an empty body";
        }
        boolean tokenEndpoint = request.uri().getPath().equals("/oauth2/token");
        if (tokenEndpoint) {
            if (status == 200) {
                return body.hasNonNull("access_token") ? null : "a 200 without access_token";
            }
            return body.hasNonNull("error") && body.hasNonNull("error_description") ? null : "no OAuth error body";
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "an error that is not problem+json";
            }
            if (body.path("status").asInt() != status || !body.hasNonNull("title") || !body.hasNonNull("detail")) {
                return "a problem without its status, title or detail";
            }
            if (response.body().contains("Exception") || response.body().contains("java.")) {
                return "a Java class name in the answer";
            }
        }
        return null;
    }

    private HttpRequest tokenRequest(Random random) {
        StringBuilder body = new StringBuilder();
        int parameters = random.nextInt(6);
        for (int p = 0; p < parameters; p++) {
            if (p > 0) {
                body.append('&');
            }
            String name = pick(random, "grant_type", "client_id", "client_secret", "scope", pick(random, NASTY));
            String value = pick(random, NASTY);
            body.append(name)
                    .append('=')
                    .append(random.nextBoolean() ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value);
        }
        byte[] bytes = random.nextInt(10) == 0
                ? randomBytes(random, random.nextInt(20_000))
                : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        String contentType = pick(random, CONTENT_TYPES);
        if (!contentType.isEmpty() && contentType.chars().allMatch(c -> c >= 0x20)) {
            builder.header("Content-Type", contentType);
        }
        switch (random.nextInt(4)) {
            case 0 ->
                builder.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((pick(random, NASTY)
                                                        + (random.nextBoolean() ? ":" : "")
                                                        + pick(random, NASTY))
                                                .getBytes(StandardCharsets.UTF_8)));
            case 1 -> builder.header("Authorization", "Basic " + printable(pick(random, NASTY)));
            case 2 -> builder.header("Authorization", pick(random, "Bearer x", "Basic", "Digest a=b", "basic !!!"));
            default -> {}
        }
        return builder.build();
    }

    private HttpRequest jsonRequest(Random random, String method, String path, String bearer) {
        String body = switch (random.nextInt(6)) {
            case 0 ->
                "{\"wallet\":" + quoted(random) + ",\"username\":" + quoted(random) + ",\"password\":" + quoted(random)
                        + "}";
            case 1 ->
                "{\"clientId\":" + quoted(random) + ",\"roles\":[" + quoted(random) + "],\"notes\":" + quoted(random)
                        + ",\"expiryDate\":" + quoted(random) + "}";
            case 2 -> "{\"clientId\":" + random.nextInt() + ",\"roles\":" + quoted(random) + "}";
            case 3 ->
                pick(
                        random,
                        "{",
                        "[",
                        "nul",
                        "\"x\"",
                        "{\"a\":}",
                        "{\"roles\":[1,2,{}]}",
                        "{\"expiryDate\":\"2027-02-30\"}");
            case 4 -> new String(randomBytes(random, random.nextInt(200)), StandardCharsets.ISO_8859_1);
            default ->
                "{\"notes\":\"" + "n".repeat(random.nextInt(3000))
                        + "\",\"roles\":[\"accounts:read\"],\"clientId\":\"fz-" + random.nextInt(1_000_000) + "\"}";
        };
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Content-Type",
                        pick(random, "application/json", "application/json", "text/plain", "application/xml"))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private HttpRequest listRequest(Random random, String admin) {
        String query = "q=" + URLEncoder.encode(pick(random, NASTY), StandardCharsets.UTF_8)
                + "&page=" + URLEncoder.encode(pick(random, "0", "-1", "x", "99999999999", "1"), StandardCharsets.UTF_8)
                + "&size=" + URLEncoder.encode(pick(random, "20", "0", "101", "1e3", ""), StandardCharsets.UTF_8)
                + "&sort="
                + URLEncoder.encode(
                        pick(random, "clientId", "-expiryDate", "lastUsedAt", "--x", "secret_digest"),
                        StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(base.resolve("/api/clients?" + query))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Authorization",
                        random.nextInt(8) == 0 ? "Bearer " + printable(pick(random, NASTY)) : "Bearer " + admin)
                .GET()
                .build();
    }

    private String quoted(Random random) {
        try {
            return json.writeValueAsString(pick(random, NASTY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x21 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.isEmpty() ? "x" : out.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
