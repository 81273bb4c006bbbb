package com.wallet.apiaccess.session;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated failed sign-ins for one username from one address are throttled; nobody else is. */
@QuarkusTest
@TestProfile(SessionThrottleTest.ThreeFailures.class)
class SessionThrottleTest {

    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.throttle.max-failures-per-identifier", "3");
        }
    }

    private static Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", password))
                .when()
                .post("/api/session");
    }

    private static String[] newUser() {
        String username = Api.unique("throttled");
        String password = "password-of-" + username;
        Api.as(Api.adminToken())
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return new String[] {username, password};
    }

    private static void failThreeTimes(String username) {
        for (int i = 0; i < 3; i++) {
            signIn(username, "wrong-password-" + i).then().statusCode(401);
        }
    }

    @Test
    void shouldThrottleAfterTooManyFailuresEvenWithTheRightPassword() {
        String[] user = newUser();
        failThreeTimes(user[0]);
        signIn(user[0], user[1])
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("token", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldKeepThrottlingWrongPasswordsToo() {
        String[] user = newUser();
        failThreeTimes(user[0]);
        signIn(user[0], "still-wrong-password")
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    /** The attack the reservation stops: many wrong passwords at once must not all slip under the limit. */
    @Test
    void shouldLetNoMoreConcurrentGuessesThroughThanTheLimit() throws Exception {
        String[] user = newUser();
        int guesses = 30;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "concurrent-guess-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return signIn(user[0], guess).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(120, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(401, 3, 429, guesses - 3), statuses, "exactly the limit is checked, the rest refused");
        } finally {
            pool.shutdownNow();
        }
        signIn(user[0], user[1]).then().statusCode(429);
    }

    @Test
    void shouldCountWrongCurrentPasswordsLikeFailedSignIns() {
        String[] user = newUser();
        String token = Api.signIn(Api.WALLET, user[0], user[1]);
        for (int i = 0; i < 3; i++) {
            Api.as(token)
                    .body(Map.of("currentPassword", "wrong-current-" + i, "newPassword", "a-brand-new-password"))
                    .when()
                    .put("/api/me/password")
                    .then()
                    .statusCode(403);
        }
        Api.as(token)
                .body(Map.of("currentPassword", user[1], "newPassword", "a-brand-new-password"))
                .when()
                .put("/api/me/password")
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        signIn(user[0], user[1]).then().statusCode(429);
    }

    /** The platform operator's token is guessed like a password: throttled like sign-in. */
    @Test
    void shouldThrottleWrongOperatorTokensEvenWithTheRightOneAfterwards() throws IOException {
        String body = "{\"externalKey\":\"optoken\",\"name\":\"x\",\"adminUsername\":\"admin\","
                + "\"adminPassword\":\"admin-password-1\"}";
        for (int i = 0; i < 3; i++) {
            String answer = postFrom(
                    "127.0.0.31",
                    "/api/platform/wallets",
                    body,
                    Map.of("Authorization", "Bearer wrong-operator-token-" + i));
            assertTrue(answer.startsWith("HTTP/1.1 401"), firstLine(answer));
        }
        String throttled = postFrom(
                "127.0.0.31", "/api/platform/wallets", body, Map.of("Authorization", "Bearer " + Api.OPERATOR_TOKEN));
        assertTrue(throttled.startsWith("HTTP/1.1 429"), firstLine(throttled));
        assertTrue(throttled.toLowerCase(java.util.Locale.ROOT).contains("retry-after: "), throttled);
        String elsewhere = postFrom(
                "127.0.0.32",
                "/api/platform/wallets",
                body.replace("optoken", "optoken2"),
                Map.of("Authorization", "Bearer " + Api.OPERATOR_TOKEN));
        assertTrue(elsewhere.startsWith("HTTP/1.1 201"), firstLine(elsewhere));
    }

    @Test
    void shouldNotThrottleBelowTheLimit() {
        String[] user = newUser();
        signIn(user[0], "wrong-password-a").then().statusCode(401);
        signIn(user[0], "wrong-password-b").then().statusCode(401);
        signIn(user[0], user[1]).then().statusCode(200);
    }

    @Test
    void shouldLetAnotherUsernameSignInFromTheSameAddress() {
        String[] throttled = newUser();
        String[] other = newUser();
        failThreeTimes(throttled[0]);
        signIn(throttled[0], throttled[1]).then().statusCode(429);
        signIn(other[0], other[1]).then().statusCode(200).body("user.username", equalTo(other[0]));
    }

    @Test
    void shouldLetTheSameUsernameSignInFromAnotherAddress() throws IOException {
        String[] user = newUser();
        failThreeTimes(user[0]);
        signIn(user[0], user[1]).then().statusCode(429);
        String answer = postFrom(
                "127.0.0.2",
                "/api/session",
                "{\"wallet\":\"" + Api.WALLET + "\",\"username\":\"" + user[0] + "\",\"password\":\"" + user[1] + "\"}",
                Map.of());
        assertTrue(answer.startsWith("HTTP/1.1 200"), "another source is not throttled: " + firstLine(answer));
    }

    @Test
    void shouldNotTrustForwardedForToEscapeTheThrottle() {
        String[] user = newUser();
        failThreeTimes(user[0]);
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7")
                .body(Map.of("wallet", Api.WALLET, "username", user[0], "password", user[1]))
                .when()
                .post("/api/session")
                .then()
                .statusCode(429);
    }

    /** A raw HTTP/1.1 POST from a chosen loopback address; answers the whole response text. */
    static String postFrom(String localAddress, String path, String json, Map<String, String> headers)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(RestAssured.port)
                .append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ")
                .append(body.length)
                .append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static String firstLine(String answer) {
        int end = answer.indexOf('\r');
        return end < 0 ? answer : answer.substring(0, end);
    }
}
