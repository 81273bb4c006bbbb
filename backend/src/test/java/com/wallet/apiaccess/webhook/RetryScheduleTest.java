package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.config.ApiAccessConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.Mockito;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry delays in order, each with at most a tenth more at random, then none. */
@Tag("unit")
class RetryScheduleTest {

    private static final List<Duration> DEFAULTS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(6));

    @Test
    void shouldWaitEachDelayPlusAtMostATenthThenGiveUp() {
        ApiAccessConfig config = Mockito.mock(ApiAccessConfig.class, Answers.RETURNS_DEEP_STUBS);
        Mockito.when(config.webhooks().retryDelays()).thenReturn(DEFAULTS);
        RetrySchedule schedule = new RetrySchedule(config);
        Instant now = Instant.parse("2031-01-01T00:00:00Z");

        for (int attempts = 1; attempts <= DEFAULTS.size(); attempts++) {
            Duration delay = DEFAULTS.get(attempts - 1);
            for (int i = 0; i < 50; i++) {
                assertThat(schedule.next(attempts, now))
                        .isBetween(now.plus(delay), now.plus(delay).plusMillis(delay.toMillis() / 10));
            }
        }
        assertThat(schedule.next(DEFAULTS.size() + 1, now)).isNull();
        assertThat(DEFAULTS.stream().reduce(Duration.ZERO, Duration::plus))
                .as("about a day of retries")
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }
}
