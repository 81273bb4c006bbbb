package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.role.Source;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed sign-ins and client authentications, counted in memory and written every few seconds as one
 * row per wallet, target and minute with the number of attempts: an attacker's requests cost a counter,
 * not a row each. A name that is no user or client of the wallet is recorded as {@link #UNKNOWN}, never
 * as typed (it may be a password typed in the wrong field); a wallet that does not exist is not recorded.
 * A write that fails (the database is away) puts its tallies back for the next one. What a replica
 * counted in its last seconds before it died is lost; the throttles still held.
 */
@ApplicationScoped
public class FailedAttempts {

    private static final Logger LOG = Logger.getLogger(FailedAttempts.class);

    public static final String UNKNOWN = "(unknown)";

    /** Distinct targets counted between two writes; past it attempts are dropped (and the drop logged). */
    static final int MAX_TARGETS = 10_000;

    private static final String UPSERT = "insert into audit_event"
            + " (wallet_id, at, action, actor_type, actor_id, target_type, target_id, source_ip, user_agent, minute,"
            + " attempts)"
            + " select w.id, f.at, f.action, f.target_type, f.target_id, f.target_type, f.target_id, f.ip, f.agent,"
            + " f.minute, f.attempts"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],"
            + " $7::int[], $8::text[], $9::text[]) as f(wallet_key, action, target_type, target_id, at, minute,"
            + " attempts, ip, agent)"
            + " join wallet w on w.external_key = f.wallet_key"
            + " on conflict (wallet_id, action, target_type, target_id, minute) where minute is not null"
            + " do update set attempts = audit_event.attempts + excluded.attempts, source_ip = excluded.source_ip,"
            + " user_agent = excluded.user_agent";

    private record Key(String walletKey, String action, String targetType, String targetId, Instant minute) {}

    private record Tally(Instant first, int attempts, Source last) {
        Tally plus(Source source) {
            return new Tally(first, attempts + 1, source);
        }

        /** This tally, taken for a write that failed, joined with what was counted meanwhile. */
        Tally before(Tally later) {
            return new Tally(first, attempts + later.attempts, later.last);
        }
    }

    private final Map<Key, Tally> counted = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Pool pool;
    private final Vertx vertx;
    private final long everyMillis;
    private long timer = -1;

    public FailedAttempts(Pool pool, Vertx vertx, ApiAccessConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.everyMillis = config.audit().flushEvery().toMillis();
    }

    /** A failed sign-in to the wallet as {@code username}, null when the wallet has no such user. */
    public void sessionFailed(String walletKey, String username, Source source, Instant at) {
        count(
                new Key(walletKey, "session.failed", "user", username == null ? UNKNOWN : username, minute(at)),
                source,
                at);
    }

    /** A failed client authentication at the token endpoint, {@code clientId} null when the wallet has no such client. */
    public void clientAuthFailed(String walletKey, String clientId, Source source, Instant at) {
        count(
                new Key(walletKey, "client.auth_failed", "client", clientId == null ? UNKNOWN : clientId, minute(at)),
                source,
                at);
    }

    private void count(Key key, Source source, Instant at) {
        if (counted.size() >= MAX_TARGETS && !counted.containsKey(key)) {
            dropped.incrementAndGet();
            return;
        }
        counted.compute(key, (k, tally) -> tally == null ? new Tally(at, 1, source) : tally.plus(source));
    }

    private static Instant minute(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(everyMillis, id -> {
            if (writing.compareAndSet(false, true)) {
                write().onTermination()
                        .invoke(() -> writing.set(false))
                        .subscribe()
                        .with(
                                written -> {},
                                failure -> LOG.debugf(
                                        "Writing failed attempts to the audit log failed (%s)",
                                        failure.getClass().getSimpleName()));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Writes what was counted since the last write, and answers how many targets it wrote. Tests call it. */
    public Uni<Integer> write() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf(
                    "%d failed attempts were not audited: more than %d targets failed within seconds",
                    lost, MAX_TARGETS);
        }
        List<String> walletKeys = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> targetTypes = new ArrayList<>();
        List<String> targetIds = new ArrayList<>();
        List<OffsetDateTime> firsts = new ArrayList<>();
        List<OffsetDateTime> minutes = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        Map<Key, Tally> taken = new HashMap<>();
        for (Key key : List.copyOf(counted.keySet())) {
            Tally tally = counted.remove(key);
            if (tally == null) {
                continue;
            }
            taken.put(key, tally);
            walletKeys.add(key.walletKey());
            actions.add(key.action());
            targetTypes.add(key.targetType());
            targetIds.add(key.targetId());
            firsts.add(OffsetDateTime.ofInstant(tally.first(), ZoneOffset.UTC));
            minutes.add(OffsetDateTime.ofInstant(key.minute(), ZoneOffset.UTC));
            attempts.add(tally.attempts());
            ips.add(tally.last().ip());
            agents.add(tally.last().userAgent());
        }
        if (walletKeys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int targets = walletKeys.size();
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] {
                    walletKeys.toArray(String[]::new),
                    actions.toArray(String[]::new),
                    targetTypes.toArray(String[]::new),
                    targetIds.toArray(String[]::new),
                    firsts.toArray(OffsetDateTime[]::new),
                    minutes.toArray(OffsetDateTime[]::new),
                    attempts.toArray(Integer[]::new),
                    ips.toArray(String[]::new),
                    agents.toArray(String[]::new)
                }))
                .replaceWith(targets)
                .onFailure()
                .invoke(failure -> putBack(taken));
    }

    private void putBack(Map<Key, Tally> taken) {
        taken.forEach((key, tally) -> counted.merge(key, tally, (later, earlier) -> earlier.before(later)));
    }
}
