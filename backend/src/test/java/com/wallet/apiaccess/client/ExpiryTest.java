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

        assertThat(Expiry.ofNewClient(null, TODAY, null, errors).lastDay()).isEqualTo(LocalDate.of(2027, 12, 2));
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldNotLetAClientCreateOneThatOutlivesIt() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate creator = TODAY.plusDays(30);

        assertThat(Expiry.ofNewClient(null, TODAY, creator, errors).lastDay()).isEqualTo(creator);
        assertThat(errors).isEmpty();
        Expiry.ofNewClient(creator.plusDays(1), TODAY, creator, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("expiryDate");
        assertThat(errors.get(0).message()).contains(creator.toString());
    }

    @Test
    void shouldRefuseThePastAndBeyondTheLastRepresentableDay() {
        List<FieldError> past = new ArrayList<>();
        Expiry.ofNewClient(TODAY.minusDays(1), TODAY, null, past);
        List<FieldError> today = new ArrayList<>();
        Expiry.ofNewClient(TODAY, TODAY, null, today);
        List<FieldError> beyond = new ArrayList<>();
        Expiry.ofNewClient(LocalDate.of(10000, 1, 1), TODAY, null, beyond);

        assertThat(past)
                .extracting(FieldError::message)
                .containsExactly("must not be in the past (today is 2026-12-02 UTC)");
        assertThat(today).isEmpty();
        assertThat(beyond).extracting(FieldError::message).containsExactly("must be on or before 9999-12-31");
    }
}
