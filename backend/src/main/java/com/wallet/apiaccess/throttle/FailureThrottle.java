package com.wallet.apiaccess.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.wallet.apiaccess.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications in fixed windows, per source address, per (source, identifier) and per
 * identifier from all sources. Where the work that decides an attempt takes long (a bcrypt check), the
 * attempt is <em>reserved</em> before it, so that concurrent attempts cannot all pass a check that only
 * the finished ones would fail; a success gives its reservation back, a failure keeps it. Where it is
 * quick (a client secret's HMAC, mostly against the cache), the limit is checked first and the failure
 * counted after.
 * <p>
 * Memory is bounded: at most {@code api-access.throttle.max-tracked} counters, the least used evicted
 * first, and a quarter of that again for the counters that reached their limit, which one-off keys
 * cannot crowd out; identifiers longer than {@link #MAX_IDENTIFIER} are refused by callers before they
 * reach it, and an IPv6 source counts by its /64. Counters live in this process: with several
 * replicas each counts its own share.
 */
@ApplicationScoped
public class FailureThrottle {

    /** Longer than any client id or wallet/username pair: such an identifier is refused unread. */
    public static final int MAX_IDENTIFIER = 128;

    /** One counter and the most it may reach in a window. */
    public record Limit(String key, int max) {}

    private final long windowMillis;
    private final int perSource;
    private final int perIdentifier;
    private final int perAccount;
    private final long lookupIntervalMillis;
    private final LongSupplier clock;
    private final Cache<String, Window> windows;
    /**
     * The counters that reached their limit, kept apart, so that a flood of one-off keys evicting
     * counters from {@link #windows} cannot free a throttled source: to be evicted from here, a key
     * must be crowded out by others that each reached their limit too.
     */
    private final Cache<String, Window> full;

    private final Cache<String, AtomicLong> nextLookup;

    @Inject
    public FailureThrottle(ApiAccessConfig config) {
        this(
                config.throttle().window(),
                config.throttle().maxFailuresPerSource(),
                config.throttle().maxFailuresPerIdentifier(),
                config.throttle().maxFailuresPerAccount(),
                config.throttle().maxTracked(),
                System::currentTimeMillis);
    }

    FailureThrottle(
            Duration window, int perSource, int perIdentifier, int perAccount, int maxTracked, LongSupplier clock) {
        this.windowMillis = Math.max(1000, window.toMillis());
        this.perSource = perSource;
        this.perIdentifier = perIdentifier;
        this.perAccount = perAccount;
        this.lookupIntervalMillis = Math.max(1, windowMillis / Math.max(1, perSource));
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.getAsLong());
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .ticker(ticker)
                .expireAfterWrite(Duration.ofMillis(windowMillis))
                .build();
        this.full = Caffeine.newBuilder()
                .maximumSize(Math.max(100, maxTracked / 4))
                .ticker(ticker)
                .expireAfterWrite(Duration.ofMillis(windowMillis))
                .build();
        this.nextLookup = Caffeine.newBuilder()
                .maximumSize(Math.max(1000, maxTracked / 10))
                .ticker(ticker)
                .expireAfterAccess(Duration.ofMillis(windowMillis))
                .build();
    }

    /** Every failure from one address, whatever it tried. */
    public Limit source(String address) {
        return new Limit("s|" + ClientAddress.throttleKey(address), perSource);
    }

    /** Failures from one address for one client id or user. */
    public Limit pair(String address, String identifier) {
        return new Limit("p|" + ClientAddress.throttleKey(address) + '|' + identifier, perIdentifier);
    }

    /** Failures for one client id or user from every address together. */
    public Limit account(String identifier) {
        return new Limit("a|" + identifier, perAccount);
    }

    /**
     * Reserves one attempt against every limit given (nulls are skipped), or against none of them when
     * one is full: then the attempt is refused, with the seconds until that window ends.
     */
    public Attempt reserve(Limit... limits) {
        long now = clock.getAsLong();
        Window[] taken = new Window[limits.length];
        for (int i = 0; i < limits.length; i++) {
            if (limits[i] == null) {
                continue;
            }
            Window window = current(limits[i].key(), now);
            if (!take(limits[i], window)) {
                new Attempt(taken, 0).succeeded();
                return new Attempt(new Window[0], seconds(window.end - now));
            }
            taken[i] = window;
        }
        return new Attempt(taken, 0);
    }

    /** Counts a failure that was not reserved; answers the count in this window. */
    public int count(Limit limit) {
        Window window = current(limit.key(), clock.getAsLong());
        int count = window.count.incrementAndGet();
        if (count == limit.max()) {
            full.put(limit.key(), window);
        }
        return count;
    }

    /** Seconds to wait when any of the limits is reached (nulls are skipped); empty when none is. */
    public OptionalLong waitFor(Limit... limits) {
        long wait = 0;
        for (Limit limit : limits) {
            if (limit != null) {
                wait = Math.max(wait, waitFor(limit).orElse(0));
            }
        }
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    /** Seconds to wait when the limit is reached; empty when it is not. */
    public OptionalLong waitFor(Limit limit) {
        long now = clock.getAsLong();
        Window window = full.getIfPresent(limit.key());
        if (window == null || window.isOver(now) || window.count.get() < limit.max()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds(window.end - now));
    }

    /**
     * Whether any counter may be at its limit now. When none is, which is the usual case, nothing
     * needs checking before an attempt: the token endpoint then builds no keys and looks nothing up.
     */
    public boolean anyAtLimit() {
        return full.estimatedSize() > 0;
    }

    /**
     * Whether a source over its limit may have one more client looked up in the database: one lookup
     * every {@code window / max-failures-per-source}, so that a source that floods with ever-new ids
     * costs the database little while a client it shares the address with can still be found.
     */
    public boolean allowLookup(String address) {
        long now = clock.getAsLong();
        AtomicLong next = nextLookup.get(ClientAddress.throttleKey(address), k -> new AtomicLong());
        long at = next.get();
        return now >= at && next.compareAndSet(at, now + lookupIntervalMillis);
    }

    /** How many counters are kept now, after pending evictions ran ({@link #cleanUp()}). */
    long tracked() {
        return windows.estimatedSize() + full.estimatedSize();
    }

    void cleanUp() {
        windows.cleanUp();
        full.cleanUp();
        nextLookup.cleanUp();
    }

    private Window current(String key, long now) {
        Window kept = full.getIfPresent(key);
        if (kept != null && !kept.isOver(now)) {
            return kept;
        }
        return windows.asMap()
                .compute(
                        key,
                        (k, window) -> window == null || window.isOver(now) ? new Window(now + windowMillis) : window);
    }

    private boolean take(Limit limit, Window window) {
        if (!window.take(limit.max())) {
            return false;
        }
        if (window.count.get() >= limit.max()) {
            full.put(limit.key(), window);
        }
        return true;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
