package com.wallet.apiaccess.throttle;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's arithmetic, on a clock the test moves. */
@Tag("unit")
class FailureThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private FailureThrottle throttle(int perSource, int perIdentifier, int perAccount, int maxTracked) {
        return new FailureThrottle(Duration.ofMinutes(1), perSource, perIdentifier, perAccount, maxTracked, now::get);
    }

    @Test
    void shouldRefuseTheAttemptPastTheLimitUntilTheWindowEnds() {
        FailureThrottle throttle = throttle(100, 3, 100, 1000);
        FailureThrottle.Limit pair = throttle.pair("192.0.2.1", "acme/alice");
        for (int i = 0; i < 3; i++) {
            assertFalse(throttle.reserve(pair).refused(), "attempt " + i);
        }
        Attempt fourth = throttle.reserve(pair);
        assertTrue(fourth.refused());
        assertEquals(60, fourth.retryAfterSeconds());
        now.addAndGet(45_000);
        assertEquals(15, throttle.reserve(pair).retryAfterSeconds());
        now.addAndGet(15_000);
        assertFalse(throttle.reserve(pair).refused(), "a new window");
    }

    @Test
    void shouldGiveBackTheReservationOfASuccess() {
        FailureThrottle throttle = throttle(100, 2, 100, 1000);
        FailureThrottle.Limit pair = throttle.pair("192.0.2.1", "acme/alice");
        for (int i = 0; i < 10; i++) {
            Attempt attempt = throttle.reserve(pair);
            assertFalse(attempt.refused(), "successes never fill the window: " + i);
            attempt.succeeded();
            attempt.succeeded(); // twice gives back once
        }
        throttle.reserve(pair);
        throttle.reserve(pair);
        assertTrue(throttle.reserve(pair).refused());
    }

    @Test
    void shouldTakeNothingWhenOneLimitIsFull() {
        FailureThrottle throttle = throttle(100, 1, 100, 1000);
        FailureThrottle.Limit source = throttle.source("192.0.2.1");
        FailureThrottle.Limit pair = throttle.pair("192.0.2.1", "acme/alice");
        throttle.reserve(source, pair);
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.reserve(source, pair).refused());
        }
        assertTrue(throttle.waitFor(source).isEmpty(), "the refused attempts did not count against the source");
    }

    @Test
    void shouldCountAnIpv6SourceByItsSlash64() {
        FailureThrottle throttle = throttle(2, 100, 100, 1000);
        throttle.count(throttle.source("2001:db8:1:2::1"));
        throttle.count(throttle.source("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertTrue(throttle.waitFor(throttle.source("2001:db8:1:2:abcd::9")).isPresent());
        assertTrue(throttle.waitFor(throttle.source("2001:db8:1:3::1")).isEmpty(), "another /64 is another source");
    }

    @Test
    void shouldKeepNoMoreCountersThanItMayTrack() {
        FailureThrottle throttle = throttle(100, 3, 100, 500);
        for (int i = 0; i < 20_000; i++) {
            throttle.count(throttle.source("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
        }
        throttle.cleanUp();
        assertTrue(throttle.tracked() <= 500, "tracked " + throttle.tracked());
    }

    @Test
    void shouldKeepTheCounterOfAnAttackerWhileOneOffsComeAndGo() {
        FailureThrottle throttle = throttle(5, 100, 100, 200);
        FailureThrottle.Limit attacker = throttle.source("192.0.2.66");
        for (int i = 0; i < 5; i++) {
            throttle.count(attacker);
            throttle.waitFor(attacker);
        }
        // The attacker keeps trying, one request among twenty from one-off sources.
        for (int i = 0; i < 5_000; i++) {
            throttle.count(throttle.source("10.9." + (i >> 8 & 255) + "." + (i & 255)));
            if (i % 20 == 0) {
                assertTrue(throttle.waitFor(attacker).isPresent(), "still throttled after " + i + " one-off sources");
                throttle.count(attacker);
            }
        }
    }

    @Test
    void shouldAllowOneLookupPerIntervalToASourcePastItsLimit() {
        FailureThrottle throttle = throttle(60, 100, 100, 1000);
        assertTrue(throttle.allowLookup("192.0.2.1"));
        assertFalse(throttle.allowLookup("192.0.2.1"));
        assertTrue(throttle.allowLookup("192.0.2.2"), "per source");
        now.addAndGet(999);
        assertFalse(throttle.allowLookup("192.0.2.1"));
        now.addAndGet(1);
        assertTrue(throttle.allowLookup("192.0.2.1"), "one a second: a minute over 60 failures");
    }
}
