package com.wallet.apiaccess.client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each day of a client's life falls, warned 30 days ahead. */
@Tag("unit")
class ClientStatusRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static ClientStatus on(LocalDate lastDay) {
        return ClientStatus.of(true, lastDay, TODAY, 30);
    }

    @Test
    void shouldBeExpiringFromThirtyDaysBeforeThroughItsLastDay() {
        assertThat(on(TODAY.plusDays(30))).isEqualTo(ClientStatus.active);
        assertThat(on(TODAY.plusDays(29))).isEqualTo(ClientStatus.expiring);
        assertThat(on(TODAY)).isEqualTo(ClientStatus.expiring);
        assertThat(on(TODAY.minusDays(1))).isEqualTo(ClientStatus.expired);
    }

    @Test
    void shouldBeDisabledWhateverItsExpiry() {
        assertThat(ClientStatus.of(false, TODAY.minusDays(5), TODAY, 30)).isEqualTo(ClientStatus.disabled);
        assertThat(ClientStatus.of(false, TODAY.plusDays(300), TODAY, 30)).isEqualTo(ClientStatus.disabled);
    }

    @Test
    void shouldNeverBeExpiringWithoutAWarningWindow() {
        assertThat(ClientStatus.of(true, TODAY, TODAY, 0)).isEqualTo(ClientStatus.active);
    }

    @Test
    void shouldReadTheApisWordsOnly() {
        assertThat(ClientStatus.parse(" Expiring ")).contains(ClientStatus.expiring);
        assertThat(ClientStatus.parse("")).isEmpty();
        assertThat(ClientStatus.parse("ACTIVE,")).isEmpty();
    }
}
