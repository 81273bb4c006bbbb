package com.wallet.apiaccess.oauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens issued, and refused by OAuth error code: a handful of tags, never a client id. */
@ApplicationScoped
public class TokenMetrics {

    private final MeterRegistry registry;
    private final Counter issued;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.issued = Counter.builder("api_access_tokens_issued")
                .description("Access tokens issued by the token endpoint")
                .register(registry);
    }

    void issued() {
        issued.increment();
    }

    void refused(String error) {
        refused.computeIfAbsent(
                        error,
                        reason -> Counter.builder("api_access_tokens_refused")
                                .description("Token requests refused, by OAuth error code")
                                .tag("reason", reason)
                                .register(registry))
                .increment();
    }
}
