package com.wallet.apiaccess.oauth;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6749 §2.3.1: exactly one way to present the client's id and secret. */
@Tag("unit")
class ClientCredentialsTest {

    private static TokenForm form(String body) {
        return TokenForm.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFormDecodeTheBasicPairBeforeSplittingIt() {
        ClientCredentials credentials =
                ClientCredentials.from(basic("wallet-acme-a%3Ab:s%25c%3Aret"), form("grant_type=client_credentials"));

        assertThat(credentials.clientId()).isEqualTo("wallet-acme-a:b");
        assertThat(credentials.secret()).isEqualTo("s%c:ret");
    }

    @Test
    void shouldTakeTheFormWhenThereIsNoAuthorizationHeader() {
        ClientCredentials credentials = ClientCredentials.from(null, form("client_id=wallet-acme-a&client_secret=s"));

        assertThat(credentials.clientId()).isEqualTo("wallet-acme-a");
        assertThat(credentials.secret()).isEqualTo("s");
    }

    @Test
    void shouldRefuseTwoMethodsAtOnce() {
        assertThatThrownBy(() -> ClientCredentials.from(basic("wallet-acme-a:s"), form("client_secret=s")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }

    @Test
    void shouldRefuseABodyIdThatDiffersFromTheBasicOne() {
        assertThatThrownBy(() -> ClientCredentials.from(basic("wallet-acme-a:s"), form("client_id=wallet-acme-b")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.description()).contains("differs"));
    }

    @Test
    void shouldAskForAuthenticationWhenThereIsNone() {
        assertThatThrownBy(() -> ClientCredentials.from(null, form("grant_type=client_credentials")))
                .isInstanceOfSatisfying(OAuthError.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.status()).isEqualTo(401);
                });
    }

    @Test
    void shouldRefuseBrokenBasicCredentials() {
        for (String header : new String[] {"Bearer x", "Basic !!!", basic("no-colon"), basic("a:%zz")}) {
            assertThatThrownBy(() -> ClientCredentials.from(header, form("")))
                    .as(header)
                    .isInstanceOfSatisfying(
                            OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
        }
        assertThatThrownBy(() -> ClientCredentials.from(basic(":s"), form("")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_client"));
    }

    @Test
    void shouldNeverPrintTheSecret() {
        assertThat(ClientCredentials.from(null, form("client_id=wallet-acme-a&client_secret=hunter2"))
                        .toString())
                .doesNotContain("hunter2");
    }

    private static final String TYPE =
            "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";

    @Test
    void shouldNameTheClientOfAnAssertionByItsIssuer() {
        String assertion = com.wallet.apiaccess.support.TestKeys.ec256().assertion("wallet-acme-a", null);
        ClientCredentials credentials = ClientCredentials.from(null, form(TYPE + "&client_assertion=" + assertion));

        assertThat(credentials.clientId()).isEqualTo("wallet-acme-a");
        assertThat(credentials.byAssertion()).isTrue();
        assertThat(credentials.assertion().alg()).isEqualTo("ES256");
        assertThat(credentials.toString()).doesNotContain(assertion);
    }

    @Test
    void shouldKeepTheClientIdOfTheFormBesideAnAssertion() {
        String assertion = com.wallet.apiaccess.support.TestKeys.ec256().assertion("wallet-acme-a", null);
        ClientCredentials credentials = ClientCredentials.from(
                null, form("client_id=wallet-acme-b&" + TYPE + "&client_assertion=" + assertion));

        assertThat(credentials.clientId()).isEqualTo("wallet-acme-b"); // and the assertion's iss check fails
    }

    @Test
    void shouldCarryAnUnreadableAssertionAsNone() {
        ClientCredentials credentials = ClientCredentials.from(null, form(TYPE + "&client_assertion=not.a.jwt"));

        assertThat(credentials.clientId()).isEmpty();
        assertThat(credentials.byAssertion()).isTrue();
        assertThat(credentials.assertion()).isNull();
    }

    @Test
    void shouldRefuseAnAssertionWithASecret() {
        assertThatThrownBy(
                        () -> ClientCredentials.from(basic("wallet-acme-a:s"), form(TYPE + "&client_assertion=x.y.z")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
        assertThatThrownBy(
                        () -> ClientCredentials.from(null, form("client_secret=s&" + TYPE + "&client_assertion=x.y.z")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
        assertThatThrownBy(() -> ClientCredentials.from(null, form("client_assertion=x.y.z")))
                .isInstanceOfSatisfying(
                        OAuthError.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
    }
}
