package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.oauth.TokenEndpoint.accessToken;
import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * {@code exp} never outlives the client's expiry date. With the default 15-minute lifetime the cap
 * only shows in the last minutes of a day, so this runs with tokens that would live three days.
 */
@QuarkusTest
@TestProfile(TokenExpiryCapTest.ThreeDayTokens.class)
class TokenExpiryCapTest {

    private static final Duration LIFETIME = Duration.ofDays(3);

    public static class ThreeDayTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.token.lifetime", LIFETIME.toString());
        }
    }

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldKeepTheConfiguredLifetimeWhenTheClientExpiresLater() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        Response response = secretPost(client, null);
        JWTClaimsSet claims = accessToken(response).getJWTClaimsSet();
        long lifetime = claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(lifetime, equalTo(LIFETIME.toSeconds()));
        assertThat(response.jsonPath().getLong("expires_in"), equalTo(LIFETIME.toSeconds()));
    }

    @Test
    void shouldEndTheTokenByTheEndOfTheClientsExpiryDate() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenEndpoint.setExpiryDate(database, client.clientId(), TokenEndpoint.todayUtc());
        Instant startOfTomorrow = TokenEndpoint.todayUtc()
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();

        Response response = secretPost(client, null);
        JWTClaimsSet claims = accessToken(response).getJWTClaimsSet();
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();
        long iat = claims.getIssueTime().toInstant().getEpochSecond();

        assertThat(exp, lessThanOrEqualTo(startOfTomorrow.getEpochSecond()));
        assertThat(exp, greaterThan(iat));
        assertThat(response.jsonPath().getLong("expires_in"), equalTo(exp - iat));
    }

    @Test
    void shouldCapAtTheEndOfTheDayNotTheStartWhenTheClientExpiresTomorrow() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenEndpoint.setExpiryDate(
                database, client.clientId(), TokenEndpoint.todayUtc().plusDays(1));
        Instant endOfTomorrow = TokenEndpoint.todayUtc()
                .plusDays(2)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();

        JWTClaimsSet claims = accessToken(secretPost(client, null)).getJWTClaimsSet();
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();

        assertThat(exp, lessThanOrEqualTo(endOfTomorrow.getEpochSecond()));
        // The client works through its expiry date: a token issued now lasts into tomorrow's last hour.
        assertThat(exp, greaterThan(endOfTomorrow.minusSeconds(3600).getEpochSecond()));
    }
}
