package com.wallet.apiaccess.session;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.session.SessionThrottleTest.firstLine;
import static com.wallet.apiaccess.session.SessionThrottleTest.postFrom;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a trusted proxy every client is counted by the address the proxy saw, and by nothing a
 * client wrote itself. 127.0.0.41 plays the proxy; 127.0.0.42 is a client reaching the service directly.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindAProxy.class)
class TrustedProxyTest {

    private static final String PROXY = "127.0.0.41";

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "api-access.throttle.max-failures-per-identifier",
                    "3",
                    "api-access.http.trusted-proxies",
                    PROXY + ",10.0.0.0/8");
        }
    }

    private static String[] newUser() {
        String username = Api.unique("proxied");
        String password = "password-of-" + username;
        Api.as(Api.adminToken())
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        return new String[] {username, password};
    }

    private static String signIn(String from, String forwardedFor, String username, String password)
            throws IOException {
        return postFrom(
                from,
                "/api/session",
                "{\"wallet\":\"" + Api.WALLET + "\",\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\"}",
                forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor));
    }

    private static void assertStatus(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), "expected " + status + ": " + firstLine(answer));
    }

    private static void failThreeTimes(String from, String forwardedFor, String username) throws IOException {
        for (int i = 0; i < 3; i++) {
            assertStatus(signIn(from, forwardedFor, username, "wrong-password-" + i), 401);
        }
    }

    @Test
    void shouldThrottleTheClientBehindTheProxyAndNotItsNeighbours() throws IOException {
        String[] user = newUser();
        failThreeTimes(PROXY, "203.0.113.5", user[0]);
        assertStatus(signIn(PROXY, "203.0.113.5", user[0], user[1]), 429);
        assertStatus(signIn(PROXY, "203.0.113.6", user[0], user[1]), 200);
    }

    /** The attack: the throttled client writes its own X-Forwarded-For; the proxy appends the real one. */
    @Test
    void shouldNotLetTheClientChooseItsAddressThroughTheProxy() throws IOException {
        String[] user = newUser();
        failThreeTimes(PROXY, "203.0.113.7", user[0]);
        assertStatus(signIn(PROXY, "198.51.100.99, 203.0.113.7", user[0], user[1]), 429);
        assertStatus(signIn(PROXY, "198.51.100.99, 10.1.1.1, 203.0.113.7, 10.2.2.2", user[0], user[1]), 429);
    }

    @Test
    void shouldIgnoreForwardedForFromAnyoneButTheProxy() throws IOException {
        String[] user = newUser();
        failThreeTimes("127.0.0.42", "203.0.113.8", user[0]);
        assertStatus(signIn("127.0.0.42", "203.0.113.9", user[0], user[1]), 429);
        assertStatus(signIn(PROXY, "203.0.113.8", user[0], user[1]), 200);
    }
}
