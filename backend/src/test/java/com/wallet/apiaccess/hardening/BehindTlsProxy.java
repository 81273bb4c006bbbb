package com.wallet.apiaccess.hardening;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service behind a proxy that terminates TLS (an {@code https://} issuer), with room for only
 * two token bodies being read at once and a bound on them no test reaches. HstsBehindProxyTest and
 * TokenBodyCapTest share it so that the application boots once for both.
 */
public class BehindTlsProxy implements QuarkusTestProfile {

    static final int MAX_BODY_READS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "api-access.issuer", "https://wallet.example.test",
                "api-access.token.max-body-reads", Integer.toString(MAX_BODY_READS),
                "api-access.token.body-timeout", "PT5M");
    }
}
