package com.wallet.apiaccess.role;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTest {

    @Test
    void shouldReplaceControlCharactersThatPostgresqlWouldRefuse() {
        Source source = new Source("203.0.113.9", "curl\u0000/8\u0007\n");
        assertThat(source.userAgent()).isEqualTo("curl?/8??");
        assertThat(source.ip()).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldCutWhatIsTooLongForItsColumn() {
        Source source = new Source("f".repeat(100), "a".repeat(1000));
        assertThat(source.ip()).hasSize(Source.IP_LENGTH);
        assertThat(source.userAgent()).hasSize(Source.USER_AGENT_LENGTH);
    }

    @Test
    void shouldKeepNothingWhenThereIsNothing() {
        assertThat(Source.NONE.ip()).isNull();
        assertThat(Source.NONE.userAgent()).isNull();
    }
}
