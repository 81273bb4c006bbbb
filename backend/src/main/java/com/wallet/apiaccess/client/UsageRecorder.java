package com.wallet.apiaccess.client;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when clients last obtained a token without a write per token: at most one mark per client
 * a minute, written in one batched statement every couple of seconds. {@code lastUsedAt} may lag by
 * up to a minute, as the contract allows.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class);
    private static final long MARK_EVERY_MILLIS = 60_000;
    private static final long FLUSH_EVERY_MILLIS = 2_000;

    private final ApiClientRepository clients;
    /** When each client was last marked by this process. */
    private final Map<Long, Long> marked = new ConcurrentHashMap<>();

    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public UsageRecorder(ApiClientRepository clients, Vertx vertx) {
        this.clients = clients;
        vertx.setPeriodic(FLUSH_EVERY_MILLIS, id -> flush());
    }

    public void used(long clientRowId) {
        long now = System.currentTimeMillis();
        Long last = marked.get(clientRowId);
        if (last != null && now - last < MARK_EVERY_MILLIS) {
            return;
        }
        marked.put(clientRowId, now);
        pending.put(clientRowId, Instant.ofEpochMilli(now));
    }

    void flush() {
        if (pending.isEmpty()) {
            if (marked.size() > 100_000) {
                long cutoff = System.currentTimeMillis() - MARK_EVERY_MILLIS;
                marked.values().removeIf(at -> at < cutoff);
            }
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Instant at = pending.remove(id);
            if (at != null) {
                ids.add(id);
                times.add(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            }
        }
        clients.markLastUsed(ids, times)
                .subscribe()
                .with(
                        rows -> {},
                        failure -> LOG.debugf(
                                "Could not record the last use of %d client(s): %s",
                                ids.size(), failure.getClass().getSimpleName()));
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
