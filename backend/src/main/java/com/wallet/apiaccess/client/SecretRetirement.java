package com.wallet.apiaccess.client;

import com.wallet.apiaccess.audit.Actor;
import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.role.Source;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes the secrets whose time is up, on every replica every {@code api-access.rotation.sweep-every}
 * (one at a time across replicas, by an advisory lock): the older secret of a rotation once it has
 * drained (the newer one obtained a token, and the older one has gone unused for the idle window) or
 * reached its {@code retiresAt}, and secrets whose hand-off link expired unopened. A secret past its
 * {@code retiresAt} already authenticates nothing before this deletes it; the drain is what only this
 * decides. Each client it touches is announced ({@link ClientChanged}) so that every replica's cache
 * forgets the old secret at once.
 */
@ApplicationScoped
public class SecretRetirement {

    private static final Logger LOG = Logger.getLogger(SecretRetirement.class);
    /** Any constant both versions agree on: "secret retirement". */
    private static final long LOCK = 0x5ec7e7L;

    static final String DUE = "(s.retires_at <= $1 or (s.digest is null and s.link_expires_at <= $1)"
            + " or (s.retires_at is not null and s.digest is not null and coalesce(s.last_used_at, s.created_at) < $2"
            + " and exists (select 1 from client_secret n where n.client_row_id = s.client_row_id"
            + " and n.created_at > s.created_at and n.digest is not null and n.last_used_at is not null"
            + " and (n.retires_at is null or n.retires_at > $1))))";

    private final Pool pool;
    private final AuditLog audit;
    private final CredentialPolicy policy;
    private final Event<ClientChanged> clientChanged;
    private final Vertx vertx;
    private final long everyMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public SecretRetirement(
            Pool pool,
            AuditLog audit,
            CredentialPolicy policy,
            Event<ClientChanged> clientChanged,
            Vertx vertx,
            ApiAccessConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.policy = policy;
        this.clientChanged = clientChanged;
        this.vertx = vertx;
        this.everyMillis = config.rotation().sweepEvery().toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(everyMillis, id -> {
            if (running.compareAndSet(false, true)) {
                sweep(Instant.now())
                        .onTermination()
                        .invoke(() -> running.set(false))
                        .subscribe()
                        .with(
                                retired -> {},
                                failure -> LOG.debugf(
                                        "Secret retirement sweep failed (%s); the next one retries",
                                        failure.getClass().getSimpleName()));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Retires what is due at {@code now} and answers how many secrets it deleted; 0 too when another
     * replica is sweeping. Tests call it with a later {@code now} instead of waiting.
     */
    public Uni<Integer> sweep(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime idleSince = OffsetDateTime.ofInstant(now.minus(policy.idleWindow()), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)")
                        .execute(Tuple.of(LOCK))
                        .chain(locked -> locked.iterator().next().getBoolean(0)
                                ? retire(connection, at, idleSince)
                                : Uni.createFrom().item(List.<Retired>of())))
                .map(retired -> {
                    for (Retired secret : retired) {
                        LOG.infof(
                                "Secret %s of API client %s%s retired: %s",
                                secret.secretId(),
                                OAuthClientId.prefix(secret.walletKey()),
                                secret.clientId(),
                                secret.reason());
                        clientChanged.fire(new ClientChanged(secret.walletKey(), secret.clientId()));
                    }
                    return retired.size();
                });
    }

    private record Retired(String walletKey, String clientId, String secretId, String reason) {}

    /**
     * The clients' rows are locked first, in id order, as a rotation or a retirement locks its client,
     * so that the sweep cannot race one into leaving a client without its last working secret.
     */
    private Uni<List<Retired>> retire(SqlConnection connection, OffsetDateTime at, OffsetDateTime idleSince) {
        return connection
                .preparedQuery(
                        "select c.id from api_client c where c.id in (select s.client_row_id from client_secret s"
                                + " where " + DUE + ") order by c.id for update of c")
                .execute(Tuple.of(at, idleSince))
                .chain(locked -> {
                    List<Long> ids = new ArrayList<>();
                    locked.forEach(row -> ids.add(row.getLong(0)));
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<Retired>of());
                    }
                    return connection
                            .preparedQuery(
                                    "with gone as (delete from client_secret s where s.client_row_id = any($3)"
                                            + " and " + DUE + " returning s.client_row_id, s.secret_id,"
                                            + " case when s.digest is null then 'its link expired unopened'"
                                            + " when s.retires_at <= $1 then 'its retirement date came'"
                                            + " else 'drained: the newer secret is in use and this one was idle' end as reason)"
                                            + " select w.external_key, c.client_id, g.secret_id, g.reason, c.wallet_id from gone g"
                                            + " join api_client c on c.id = g.client_row_id join wallet w on w.id = c.wallet_id")
                            .execute(Tuple.of(at, idleSince, ids.toArray(new Long[0])))
                            .chain(rows -> {
                                List<Retired> retired = new ArrayList<>();
                                List<AuditEntry> events = new ArrayList<>();
                                for (Row row : rows) {
                                    retired.add(new Retired(
                                            row.getString(0), row.getString(1), row.getString(2), row.getString(3)));
                                    events.add(new AuditEntry(
                                            row.getLong(4),
                                            at.toInstant(),
                                            "secret.retired",
                                            Actor.SERVICE,
                                            Target.client(row.getString(1)),
                                            Changes.of()
                                                    .fact("secretId", row.getString(2))
                                                    .fact("reason", row.getString(3))
                                                    .json(),
                                            Source.NONE));
                                }
                                return audit.record(connection, events).replaceWith(retired);
                            });
                });
    }
}
