package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th of
 * {@code api-access.webhooks.retry-delays} plus up to a tenth of it at random, so that the retries of
 * many endpoints that failed together (a receiver's outage) do not all come back at once.
 */
@ApplicationScoped
public class RetrySchedule {

    static final double JITTER = 0.1;

    private final List<Duration> delays;

    public RetrySchedule(ApiAccessConfig config) {
        this.delays = List.copyOf(config.webhooks().retryDelays());
    }

    /** The next attempt after {@code attempts} failed ones, or null when there is none left. */
    Instant next(int attempts, Instant now) {
        if (attempts < 1 || attempts > delays.size()) {
            return null;
        }
        Duration delay = delays.get(attempts - 1);
        long jitter =
                (long) (delay.toMillis() * JITTER * ThreadLocalRandom.current().nextDouble());
        return now.plus(delay).plusMillis(jitter);
    }
}
