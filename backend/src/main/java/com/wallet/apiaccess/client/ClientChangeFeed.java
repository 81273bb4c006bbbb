package com.wallet.apiaccess.client;

import com.wallet.apiaccess.database.FailFastPool;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells every replica sharing the database that a client changed, with PostgreSQL's LISTEN/NOTIFY,
 * so that each drops what its token endpoint cached of it at once; and that a token was revoked
 * ({@link RevokedTokens}). While the feed is down a replica may have missed changes: when it
 * reconnects it drops its whole cache and reads the revocations again, and until then
 * {@link #listening()} is false, so that checks that must not miss a change ask the database.
 */
@ApplicationScoped
public class ClientChangeFeed {

    static final String CHANNEL = "api_access_client_changed";
    private static final Logger LOG = Logger.getLogger(ClientChangeFeed.class);
    /** How often the listening connection is looked at, to notice that it is gone. */
    private static final long WATCH_EVERY_MILLIS = 200;

    private final Pool pool;
    private final FailFastPool pools;
    private final ClientCache cache;
    private final Vertx vertx;
    private final RevokedTokens revoked;
    private PgSubscriber subscriber;
    private long watch = -1;
    /** Both channels are listened to and the revocations were read after that, on the current connection. */
    private volatile boolean listening;
    /** Raised on each (re)subscription, so that a reload finished for an older connection does not count. */
    private final AtomicLong subscriptions = new AtomicLong();

    public ClientChangeFeed(Pool pool, FailFastPool pools, ClientCache cache, RevokedTokens revoked, Vertx vertx) {
        this.pool = pool;
        this.pools = pools;
        this.cache = cache;
        this.revoked = revoked;
        this.vertx = vertx;
    }

    /**
     * Whether this replica hears every change now: the feed is connected and the revocations were read
     * since. When false, the cached clients and the in-memory denylist may miss something.
     */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent event) {
        pool.getDelegate(); // the pool exists, so its connect options are known
        if (pools.server() == null) {
            LOG.warn("No PostgreSQL connect options known: replicas will not hear of client changes");
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, pools.server()).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(CHANNEL).subscribeHandler(v -> cache.forgetAll()).handler(this::heard);
        subscriber
                .channel(RevokedTokens.CHANNEL)
                .subscribeHandler(v -> reloadRevocations())
                .handler(revoked::heard);
        watch = vertx.setPeriodic(WATCH_EVERY_MILLIS, id -> {
            if (listening && subscriber.actualConnection() == null) {
                listening = false;
                LOG.warn("Stopped hearing of client changes and revocations; checking them in the database until"
                        + " the feed is back");
            }
        });
        subscriber
                .connect()
                .onFailure(failure -> LOG.warnf(
                        "Cannot listen for client changes yet (%s); retrying",
                        failure.getClass().getSimpleName()));
    }

    /** Announces a change, after it was committed here. */
    void onChange(@Observes ClientChanged change) {
        pool.preparedQuery("select pg_notify($1, $2)")
                .execute(Tuple.of(CHANNEL, change.walletKey() + "/" + change.clientId()))
                .subscribe()
                .with(
                        rows -> {},
                        failure -> LOG.warnf(
                                "Could not tell other replicas that a client changed (%s); they catch up within the cache TTL",
                                failure.getClass().getSimpleName()));
    }

    /** Reads the revocations once the LISTEN is in place, so that none falls between the two. */
    private void reloadRevocations() {
        long subscription = subscriptions.incrementAndGet();
        listening = false;
        revoked.reload()
                .subscribe()
                .with(
                        count -> {
                            if (subscriptions.get() == subscription && subscriber.actualConnection() != null) {
                                listening = true;
                            }
                        },
                        failure -> {
                            LOG.warnf(
                                    "Could not read the revoked tokens (%s); checking them in the database meanwhile,"
                                            + " retrying",
                                    failure.getClass().getSimpleName());
                            vertx.setTimer(1000, id -> {
                                if (subscriptions.get() == subscription) {
                                    reloadRevocations();
                                }
                            });
                        });
    }

    private void heard(String payload) {
        int slash = payload.indexOf('/');
        if (slash > 0) {
            cache.forget(new OAuthClientId(payload.substring(0, slash), payload.substring(slash + 1)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        listening = false;
        if (watch >= 0) {
            vertx.cancelTimer(watch);
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
