package com.wallet.apiaccess.oauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens issued, and refused by OAuth error code: a handful of tags, never a client id. The token
 * endpoint is left out of Micrometer's per-request HTTP metrics (application.properties), whose tag
 * lookup on every request cost it several percent of its throughput; its own timer, resolved once,
 * takes their place: how long each request took from its arrival to its answer, issued or refused
 * (the few refused before their body was read, oversized or too many at once, are counted only).
 */
@ApplicationScoped
public class TokenMetrics {

    private final MeterRegistry registry;
    private final Counter issued;
    private final Timer issuedTime;
    private final Timer refusedTime;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.issued = Counter.builder("api_access_tokens_issued")
                .description("Access tokens issued by the token endpoint")
                .register(registry);
        this.issuedTime = requests(registry, "issued");
        this.refusedTime = requests(registry, "refused");
    }

    private static Timer requests(MeterRegistry registry, String outcome) {
        return Timer.builder("api_access_token_requests")
                .description("Token requests from their arrival to their answer, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** How many request bodies the OAuth endpoints are reading now: a crowd of slow senders shows here. */
    void bodiesBeingRead(AtomicInteger count) {
        Gauge.builder("api_access_token_bodies_being_read", count, AtomicInteger::get)
                .description("Request bodies the token, introspection and revocation endpoints are reading now")
                .register(registry);
    }

    void issued(long startedNanos) {
        issued.increment();
        issuedTime.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void refused(String error, long startedNanos) {
        refused(error);
        refusedTime.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
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
