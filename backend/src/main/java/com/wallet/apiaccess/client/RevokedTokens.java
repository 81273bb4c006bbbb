package com.wallet.apiaccess.client;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The denylist of revoked access tokens (RFC 7009): one {@code revoked_token} row per {@code jti} until
 * the token's {@code exp}, and the live ones in memory (jti → exp), so that a bearer check or an
 * introspection asks no database. A revocation is announced on {@link #CHANNEL}; {@link ClientChangeFeed}
 * hands what it hears to {@link #heard} and, each time it starts listening, has the table read again
 * ({@link #reload}), so that nothing revoked while it was not listening is missed.
 */
@ApplicationScoped
public class RevokedTokens {

    static final String CHANNEL = "api_access_token_revoked";
    /** Kept past {@code exp} longer than the bearer check's clock skew, so no replica accepts it late. */
    static final long KEEP_AFTER_EXPIRY_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final Pool pool;
    private final Vertx vertx;
    /**
     * At most this many revocations in memory (some 200 bytes each). A client may revoke every token it
     * obtains; past the bound the denylist stops being complete and is asked of PostgreSQL instead, until
     * pruning and a reload bring it back under.
     */
    private final int maxInMemory;

    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    /** A revocation was not kept in memory for want of room: only the table is complete. */
    private volatile boolean overflowed;

    private long timer = -1;

    public RevokedTokens(Pool pool, Vertx vertx, ApiAccessConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.maxInMemory = Math.max(1, config.token().maxRevokedInMemory());
    }

    /**
     * Whether this replica has heard that the token was revoked. Only an answer when {@link #complete()}
     * and {@link ClientChangeFeed#listening()}; else ask {@link #isRevokedInDatabase}.
     */
    public boolean isRevoked(String jti) {
        return jti != null && revoked.containsKey(jti);
    }

    /** Whether memory holds every revocation heard (none was left out for want of room). */
    public boolean complete() {
        return !overflowed;
    }

    /** The same question asked of the table, for while the change feed is not listening. */
    public Uni<Boolean> isRevokedInDatabase(String jti) {
        if (jti == null) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("select 1 from revoked_token where jti = $1")
                .execute(Tuple.of(jti))
                .map(rows -> rows.size() > 0);
    }

    /**
     * Records the revocation and announces it to every replica (the row and the notification commit
     * together), then remembers it here at once.
     */
    public Uni<Void> revoke(String jti, String walletKey, String clientId, long expiresAt) {
        OffsetDateTime expires = OffsetDateTime.ofInstant(Instant.ofEpochSecond(expiresAt), ZoneOffset.UTC);
        return pool.preparedQuery("with revoked as (insert into revoked_token (jti, wallet_key, client_id, expires_at)"
                        + " values ($1, $2, $3, $4) on conflict (jti) do nothing) select pg_notify($5, $6)")
                .execute(Tuple.from(new Object[] {jti, walletKey, clientId, expires, CHANNEL, expiresAt + "/" + jti}))
                .invoke(rows -> remember(jti, expiresAt))
                .replaceWithVoid();
    }

    /** A payload {@code {exp}/{jti}} heard from another replica (or this one). */
    void heard(String payload) {
        int slash = payload.indexOf('/');
        if (slash <= 0) {
            return;
        }
        try {
            remember(payload.substring(slash + 1), Long.parseLong(payload.substring(0, slash)));
        } catch (NumberFormatException e) {
            LOG.debugf("Ignored a malformed revocation notice");
        }
    }

    /** Reads every live revocation; merged into what is known, since notices may arrive meanwhile. */
    Uni<Integer> reload() {
        return pool.preparedQuery("select jti, extract(epoch from expires_at)::bigint as exp from revoked_token"
                        + " where expires_at > $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(
                        Instant.now().minusSeconds(KEEP_AFTER_EXPIRY_SECONDS), ZoneOffset.UTC)))
                .map(rows -> {
                    int count = 0;
                    for (Row row : rows) {
                        remember(row.getString("jti"), row.getLong("exp"));
                        count++;
                    }
                    return count;
                });
    }

    private void remember(String jti, long expiresAt) {
        if (expiresAt + KEEP_AFTER_EXPIRY_SECONDS <= Instant.now().getEpochSecond()) {
            return;
        }
        if (revoked.size() >= maxInMemory && !revoked.containsKey(jti)) {
            if (!overflowed) {
                overflowed = true;
                LOG.warnf(
                        "More than %d live revoked tokens: checking revocations in the database until they expire",
                        maxInMemory);
            }
            return;
        }
        revoked.put(jti, expiresAt);
    }

    /** How many revocations are held in memory. */
    int size() {
        return revoked.size();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(
                PRUNE_EVERY_MILLIS,
                id -> prune(Instant.now())
                        .subscribe()
                        .with(
                                pruned -> {},
                                failure -> LOG.debugf(
                                        "Pruning revoked tokens failed (%s); the next round retries",
                                        failure.getClass().getSimpleName())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Forgets, here and in the table, the revocations of tokens that have expired anyway; after an
     * overflow, reads the table again once what is left fits in memory.
     */
    Uni<Integer> prune(Instant now) {
        long before = now.getEpochSecond() - KEEP_AFTER_EXPIRY_SECONDS;
        revoked.values().removeIf(expiresAt -> expiresAt < before);
        return pool.preparedQuery("delete from revoked_token where expires_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(Instant.ofEpochSecond(before), ZoneOffset.UTC)))
                .map(rows -> rows.rowCount())
                .call(pruned -> overflowed ? refill() : Uni.createFrom().voidItem());
    }

    /** Clears the overflow when every live row fits in memory now; the notices heard meanwhile are kept. */
    private Uni<Void> refill() {
        return pool.preparedQuery("select count(*) from revoked_token where expires_at > $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(
                        Instant.now().minusSeconds(KEEP_AFTER_EXPIRY_SECONDS), ZoneOffset.UTC)))
                .chain(rows -> {
                    long live = rows.iterator().next().getLong(0);
                    if (live >= maxInMemory / 2) {
                        return Uni.createFrom().voidItem();
                    }
                    // Cleared only after the read: until then memory may lack what was left out. A notice
                    // left out before the read has its row committed already, so the read finds it.
                    return reload().invoke(count -> {
                                if (revoked.size() < maxInMemory) {
                                    overflowed = false;
                                    LOG.infof("The revoked tokens fit in memory again (%d)", count);
                                }
                            })
                            .replaceWithVoid();
                });
    }
}
