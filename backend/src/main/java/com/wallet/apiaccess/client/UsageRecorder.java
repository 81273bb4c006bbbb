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

    /** Writes the last uses of some credentials: client row ids, credential row ids and times, index by index. */
    @FunctionalInterface
    private interface Writer {
        Uni<Void> markLastUsed(List<Long> clientRowIds, List<Long> rowIds, List<OffsetDateTime> times);
    }

    private final Marks secrets;
    private final Marks keys;

    public UsageRecorder(ApiClientRepository clients, ClientKeyRepository keys, Vertx vertx) {
        this.secrets = new Marks("secret", clients::markLastUsed);
        this.keys = new Marks("key", keys::markLastUsed);
        vertx.setPeriodic(FLUSH_EVERY_MILLIS, id -> flush());
    }

    /** A secret of the client obtained a token. */
    public void used(long clientRowId, long secretRowId) {
        secrets.mark(clientRowId, secretRowId);
    }

    /** A key of the client obtained a token (private_key_jwt). */
    public void usedKey(long clientRowId, long keyRowId) {
        keys.mark(clientRowId, keyRowId);
    }

    void flush() {
        write().subscribe().with(done -> {}, failure -> {});
    }

    /** Writes the marks so far (tests call it rather than wait); a failed write is logged and its marks dropped. */
    public Uni<Void> write() {
        return secrets.write().chain(keys::write);
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }

    /** The marks of one kind of credential, by its row id. */
    private static final class Marks {

        private record Mark(long clientRowId, Instant at) {}

        private final String kind;
        private final Writer writer;
        /** When each credential was last marked by this process. */
        private final Map<Long, Long> marked = new ConcurrentHashMap<>();

        private final Map<Long, Mark> pending = new ConcurrentHashMap<>();

        Marks(String kind, Writer writer) {
            this.kind = kind;
            this.writer = writer;
        }

        void mark(long clientRowId, long rowId) {
            long now = System.currentTimeMillis();
            Long last = marked.get(rowId);
            if (last != null && now - last < MARK_EVERY_MILLIS) {
                return;
            }
            marked.put(rowId, now);
            pending.put(rowId, new Mark(clientRowId, Instant.ofEpochMilli(now)));
        }

        Uni<Void> write() {
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
            return writer.markLastUsed(clientIds, ids, times).onFailure().recoverWithUni(failure -> {
                LOG.debugf(
                        "Could not record the last use of %d %s(s): %s",
                        ids.size(), kind, failure.getClass().getSimpleName());
                return Uni.createFrom().voidItem();
            });
        }
    }
}
