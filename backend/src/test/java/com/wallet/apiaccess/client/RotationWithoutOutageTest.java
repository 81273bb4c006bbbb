package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.SecretRotationTest.Made;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation end to end, as an integrator with two token clients lives it: both keep obtaining tokens
 * while one moves to the new secret, then the other; not one request fails while the old secret
 * drains, and once it retired it is refused.
 */
@QuarkusTest
class RotationWithoutOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SecretRetirement retirement;

    @Inject
    UsageRecorder usage;

    /** A token client: asks for tokens in a loop with whatever secret it holds now, counting every answer. */
    private static final class TokenClient implements Runnable {
        final String oauthClientId;
        volatile String secret;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger issued = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();

        TokenClient(String oauthClientId, String secret) {
            this.oauthClientId = oauthClientId;
            this.secret = secret;
        }

        @Override
        public void run() {
            while (running.get()) {
                Response answer = Secrets.tokenRequest(oauthClientId, secret);
                if (answer.statusCode() == 200) {
                    issued.incrementAndGet();
                } else {
                    failures.add(answer.statusCode() + " " + answer.asString());
                }
            }
        }

        /** Waits until it obtained {@code more} tokens beyond those it has now. */
        void obtains(int more) {
            int target = issued.get() + more;
            waitFor(() -> issued.get() >= target || !failures.isEmpty());
        }
    }

    @Test
    void shouldNotFailOneTokenRequestWhileTheOldSecretDrains() throws Exception {
        Made made = SecretRotationTest.client("no-outage");
        TokenClient first = new TokenClient(made.oauthClientId(), made.secret());
        TokenClient second = new TokenClient(made.oauthClientId(), made.secret());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(first);
        Future<?> b = pool.submit(second);
        try {
            first.obtains(20);
            second.obtains(20);

            String newSecret = Secrets.rotated(made.admin(), made.clientId()).getString("clientSecret");
            first.obtains(20);
            second.secret = newSecret;
            second.obtains(20);
            first.obtains(20);
            usage.write().await().atMost(WAIT);
            retirement.sweep(Instant.now()).await().atMost(WAIT);
            assertThat(Secrets.secretsOf(made.admin(), made.clientId()))
                    .as("the old secret is still in use: it must not retire")
                    .hasSize(2);

            first.secret = newSecret;
            first.obtains(20);
            second.obtains(20);
        } finally {
            first.running.set(false);
            second.running.set(false);
            a.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            b.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertThat(first.failures).isEmpty();
        assertThat(second.failures).isEmpty();

        usage.write().await().atMost(WAIT);
        retirement.sweep(Instant.now().plus(Duration.ofMinutes(62))).await().atMost(WAIT);

        assertThat(Secrets.secretsOf(made.admin(), made.clientId())).hasSize(1);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(401);
        assertThat(Api.clientToken(made.oauthClientId(), first.secret)).isNotEmpty();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the token clients made no progress within " + WAIT);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
