package com.wallet.apiaccess.security;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed authentications per source address and per (source, identifier) in fixed windows,
 * and refuses further attempts from a source past its limit until the window ends, right secret or
 * not. Counters live in this process: with several replicas each counts its own share.
 */
@ApplicationScoped
public class FailureThrottle {

    private final long windowMillis;
    private final int perSource;
    private final int perIdentifier;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public FailureThrottle(ApiAccessConfig config, Vertx vertx) {
        Duration window = config.throttle().window();
        this.windowMillis = Math.max(1000, window.toMillis());
        this.perSource = config.throttle().maxFailuresPerSource();
        this.perIdentifier = config.throttle().maxFailuresPerIdentifier();
        vertx.setPeriodic(windowMillis, id -> evictExpired());
    }

    /** Seconds to wait when the source, or the source for this identifier, is over its limit. */
    public OptionalLong retryAfter(String source, String identifier) {
        long now = System.currentTimeMillis();
        long wait = Math.max(waitFor("s|" + source, perSource, now),
                identifier == null ? 0 : waitFor("i|" + source + "|" + identifier, perIdentifier, now));
        return wait > 0 ? OptionalLong.of(Math.max(1, (wait + 999) / 1000)) : OptionalLong.empty();
    }

    public void recordFailure(String source, String identifier) {
        long now = System.currentTimeMillis();
        count("s|" + source, now);
        if (identifier != null) {
            count("i|" + source + "|" + identifier, now);
        }
    }

    private long waitFor(String key, int limit, long now) {
        Window window = windows.get(key);
        if (window == null || window.isOver(now) || window.count < limit) {
            return 0;
        }
        return window.end - now;
    }

    private void count(String key, long now) {
        windows.compute(key, (k, window) -> window == null || window.isOver(now)
                ? new Window(now + windowMillis, 1)
                : new Window(window.end, window.count + 1));
    }

    private void evictExpired() {
        long now = System.currentTimeMillis();
        windows.values().removeIf(window -> window.isOver(now));
    }

    private record Window(long end, int count) {
        boolean isOver(long now) {
            return now >= end;
        }
    }
}
