package com.wallet.apiaccess.session;

import com.wallet.apiaccess.oauth.TokenEndpointAccess;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack: a flood of sign-ins, each a bcrypt check. The bcrypt queue is short: past it a sign-in
 * answers 503 at once instead of waiting in line, and the token endpoint, signing with the JDK
 * provider on its own pool, keeps issuing tokens meanwhile.
 */
@QuarkusTest
@TestProfile(PasswordFloodTest.SlowBcryptShortQueue.class)
class PasswordFloodTest {

    public static class SlowBcryptShortQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "api-access.password.bcrypt-cost",
                    "12",
                    "api-access.password.max-queued",
                    "1",
                    "api-access.crypto.provider",
                    "jdk");
        }
    }

    private static Response signIn(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", "a-guessed-password"))
                .when()
                .post("/api/session");
    }

    @Test
    void shouldAnswerTheFloodPastTheQueueWith503AndKeepIssuingTokens() throws Exception {
        String[] client = TokenEndpointAccess.newClient(List.of("accounts:read"));
        int flood = 30;
        ExecutorService pool = Executors.newFixedThreadPool(flood + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> signIns = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                String username = Api.unique("flood");
                signIns.add(pool.submit(() -> {
                    start.await();
                    return signIn(username);
                }));
            }
            Future<Integer> tokens = pool.submit(() -> {
                start.await();
                int issued = 0;
                for (int i = 0; i < 20; i++) {
                    issued += TokenEndpointAccess.tokenStatus(client[0], client[1]) == 200 ? 1 : 0;
                }
                return issued;
            });
            start.countDown();
            int busy = 0;
            for (Future<Response> signIn : signIns) {
                Response answer = signIn.get(300, TimeUnit.SECONDS);
                int status = answer.statusCode();
                assertTrue(status == 401 || status == 503, "a guess is refused or turned away: " + status);
                if (status == 503) {
                    busy++;
                    assertNotNull(answer.header("Retry-After"));
                    assertEquals(
                            "urn:api-access:problem:busy", answer.jsonPath().getString("type"));
                }
            }
            assertTrue(busy > 0, "the short queue turned some of " + flood + " concurrent sign-ins away");
            assertEquals(20, tokens.get(300, TimeUnit.SECONDS), "every token request during the flood got a token");
        } finally {
            pool.shutdownNow();
        }
    }
}
