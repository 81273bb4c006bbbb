package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The misconfiguration that would make every console session a wallet API access token. */
@Tag("unit")
class TokenFactoryTest {

    @Test
    void shouldRefuseASessionAudienceEqualToTheAccessTokensOne() {
        ApiAccessConfig config = mock(ApiAccessConfig.class);
        ApiAccessConfig.Token token = mock(ApiAccessConfig.Token.class);
        ApiAccessConfig.Session session = mock(ApiAccessConfig.Session.class);
        when(config.token()).thenReturn(token);
        when(config.session()).thenReturn(session);
        when(token.audience()).thenReturn("wallet-api");
        when(session.audience()).thenReturn("wallet-api");

        assertThatThrownBy(() -> new TokenFactory(config, null, null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-access.session.audience must differ from api-access.token.audience");
    }
}
