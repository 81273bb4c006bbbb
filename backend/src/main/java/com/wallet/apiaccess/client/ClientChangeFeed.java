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

/**
 * Tells every replica sharing the database that a client changed, with PostgreSQL's LISTEN/NOTIFY,
 * so that each drops what its token endpoint cached of it at once. While the feed is down a replica
 * may have missed changes: when it reconnects it drops its whole cache.
 */
@ApplicationScoped
public class ClientChangeFeed {

    static final String CHANNEL = "api_access_client_changed";
    private static final Logger LOG = Logger.getLogger(ClientChangeFeed.class);

    private final Pool pool;
    private final FailFastPool pools;
    private final ClientCache cache;
    private final Vertx vertx;
    private PgSubscriber subscriber;

    public ClientChangeFeed(Pool pool, FailFastPool pools, ClientCache cache, Vertx vertx) {
        this.pool = pool;
        this.pools = pools;
        this.cache = cache;
        this.vertx = vertx;
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

    private void heard(String payload) {
        int slash = payload.indexOf('/');
        if (slash > 0) {
            cache.forget(new OAuthClientId(payload.substring(0, slash), payload.substring(slash + 1)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
