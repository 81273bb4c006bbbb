package com.wallet.apiaccess.client;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
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
 * Records when secrets and keys, and so their clients, last obtained a token without a write per token: at most
 * one mark per secret or key a minute, written in one batched statement every couple of seconds.
 * {@code lastUsedAt} may lag by up to a minute, as the contract allows; the rotation's idle window is
 * at least five minutes for that reason.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class);
    private static final long MARK_EVERY_MILLIS = 60_000;
    private static final long FLUSH_EVERY_MILLIS = 2_000;

    private final ApiClientRepository clients;
    private final ClientKeyRepository keys;

    private record Mark(long clientRowId, Instant at) {}

    /** When each secret was last marked by this process. */
    private final Map<Long, Long> marked = new ConcurrentHashMap<>();

    private final Map<Long, Mark> pending = new ConcurrentHashMap<>();

    /** The same for keys, by their row id. */
    private final Map<Long, Long> keysMarked = new ConcurrentHashMap<>();

    private final Map<Long, Mark> keysPending = new ConcurrentHashMap<>();

    public UsageRecorder(ApiClientRepository clients, ClientKeyRepository keys, Vertx vertx) {
        this.clients = clients;
        this.keys = keys;
        vertx.setPeriodic(FLUSH_EVERY_MILLIS, id -> flush());
    }

    public void used(long clientRowId, long secretRowId) {
        long now = System.currentTimeMillis();
        Long last = marked.get(secretRowId);
        if (last != null && now - last < MARK_EVERY_MILLIS) {
            return;
        }
        marked.put(secretRowId, now);
        pending.put(secretRowId, new Mark(clientRowId, Instant.ofEpochMilli(now)));
    }

    /** A key of the client obtained a token (private_key_jwt). */
    public void usedKey(long clientRowId, long keyRowId) {
        long now = System.currentTimeMillis();
        Long last = keysMarked.get(keyRowId);
        if (last != null && now - last < MARK_EVERY_MILLIS) {
            return;
        }
        keysMarked.put(keyRowId, now);
        keysPending.put(keyRowId, new Mark(clientRowId, Instant.ofEpochMilli(now)));
    }

    void flush() {
        write().subscribe().with(done -> {}, failure -> {});
    }

    /** Writes the marks so far (tests call it rather than wait); a failed write is logged and its marks dropped. */
    public Uni<Void> write() {
        return writeSecrets().chain(this::writeKeys);
    }

    private Uni<Void> writeKeys() {
        if (keysPending.isEmpty()) {
            if (keysMarked.size() > 100_000) {
                long cutoff = System.currentTimeMillis() - MARK_EVERY_MILLIS;
                keysMarked.values().removeIf(at -> at < cutoff);
            }
            return Uni.createFrom().voidItem();
        }
        List<Long> clientIds = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Long id : List.copyOf(keysPending.keySet())) {
            Mark mark = keysPending.remove(id);
            if (mark != null) {
                clientIds.add(mark.clientRowId());
                ids.add(id);
                times.add(OffsetDateTime.ofInstant(mark.at(), ZoneOffset.UTC));
            }
        }
        return keys.markLastUsed(clientIds, ids, times).onFailure().recoverWithUni(failure -> {
            LOG.debugf(
                    "Could not record the last use of %d key(s): %s",
                    ids.size(), failure.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> writeSecrets() {
        if (pending.isEmpty()) {
            if (marked.size() > 100_000) {
                long cutoff = System.currentTimeMillis() - MARK_EVERY_MILLIS;
                marked.values().removeIf(at -> at < cutoff);
            }
            return Uni.createFrom().voidItem();
        }
        List<Long> clientIds = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Mark mark = pending.remove(id);
            if (mark != null) {
                clientIds.add(mark.clientRowId());
                ids.add(id);
                times.add(OffsetDateTime.ofInstant(mark.at(), ZoneOffset.UTC));
            }
        }
        return clients.markLastUsed(clientIds, ids, times).onFailure().recoverWithUni(failure -> {
            LOG.debugf(
                    "Could not record the last use of %d secret(s): %s",
                    ids.size(), failure.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
