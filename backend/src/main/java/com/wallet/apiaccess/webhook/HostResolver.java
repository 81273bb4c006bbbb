package com.wallet.apiaccess.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a webhook's host up with the system resolver (hosts file and DNS, as the JVM does), on a small
 * pool of its own: a lookup can take seconds and must never hold up the event loop.
 */
@ApplicationScoped
public class HostResolver {

    private final WorkerExecutor executor;

    public HostResolver(Vertx vertx) {
        this.executor = vertx.createSharedWorkerExecutor("api-access-webhook-dns", 4);
    }

    /** Every address of {@code host}; fails with {@link UnknownHostException} when it has none. */
    public Uni<List<InetAddress>> resolve(String host) {
        if (Vertx.currentContext() == null) {
            return Uni.createFrom().deferred(() -> {
                try {
                    return Uni.createFrom().item(lookUp(host));
                } catch (UnknownHostException e) {
                    return Uni.createFrom().failure(e);
                }
            });
        }
        return Uni.createFrom()
                .completionStage(() -> executor.<List<InetAddress>>executeBlocking(() -> lookUp(host), false)
                        .toCompletionStage());
    }

    private static List<InetAddress> lookUp(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
