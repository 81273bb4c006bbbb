package com.wallet.apiaccess.security;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * A small, bounded pool for work that costs real CPU time (bcrypt, JDK signatures), so the event
 * loop keeps serving. The result comes back on the caller's Vert.x context, where the reactive
 * Hibernate session lives.
 */
@ApplicationScoped
public class CryptoWorker {

    private final WorkerExecutor executor;

    public CryptoWorker(Vertx vertx) {
        int size = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.executor = vertx.createSharedWorkerExecutor("api-access-crypto", size);
    }

    public <T> Uni<T> run(Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> executor.<T>executeBlocking(work::get, false).toCompletionStage());
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
