package com.wallet.apiaccess.client;

import com.wallet.apiaccess.problem.FieldError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class ExpiryTest {

    private static final LocalDate LATEST = LocalDate.of(2026, 12, 2).plusDays(397);

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void shouldWorkThroughItsLastDayInUtcAndNotASecondLonger() {
        Expiry expiry = new Expiry(TODAY);

        assertThat(expiry.isPassedAt(Instant.parse("2026-12-02T23:59:59.999Z"))).isFalse();
        assertThat(expiry.isPassedAt(Instant.parse("2026-12-03T00:00:00Z"))).isTrue();
        assertThat(expiry.endsAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void shouldDefaultToOneYearFromToday() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(Expiry.ofNewClient(null, TODAY, null, LATEST, errors).lastDay())
                .isEqualTo(LocalDate.of(2027, 12, 2));
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldNotLetAClientCreateOneThatOutlivesIt() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate creator = TODAY.plusDays(30);

        assertThat(Expiry.ofNewClient(null, TODAY, creator, LATEST, errors).lastDay())
                .isEqualTo(creator);
        assertThat(errors).isEmpty();
        Expiry.ofNewClient(creator.plusDays(1), TODAY, creator, LATEST, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("expiryDate");
        assertThat(errors.get(0).message()).contains(creator.toString());
    }

    @Test
    void shouldRefuseThePastAndBeyondTheLifetimePolicy() {
        List<FieldError> past = new ArrayList<>();
        Expiry.ofNewClient(TODAY.minusDays(1), TODAY, null, LATEST, past);
        List<FieldError> today = new ArrayList<>();
        Expiry.ofNewClient(TODAY, TODAY, null, LATEST, today);
        List<FieldError> last = new ArrayList<>();
        Expiry.ofNewClient(LATEST, TODAY, null, LATEST, last);
        List<FieldError> beyond = new ArrayList<>();
        Expiry.ofNewClient(LATEST.plusDays(1), TODAY, null, LATEST, beyond);

        assertThat(past)
                .extracting(FieldError::message)
                .containsExactly("must not be in the past (today is 2026-12-02 UTC)");
        assertThat(today).isEmpty();
        assertThat(last).isEmpty();
        assertThat(beyond)
                .extracting(FieldError::message)
                .containsExactly("must be on or before 2028-01-03: a client may live at most 397 days");
    }

    @Test
    void shouldNotDefaultBeyondTheLifetimePolicy() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate latest = TODAY.plusDays(90);

        assertThat(Expiry.ofNewClient(null, TODAY, null, latest, errors).lastDay())
                .isEqualTo(latest);
        assertThat(errors).isEmpty();
    }
}
