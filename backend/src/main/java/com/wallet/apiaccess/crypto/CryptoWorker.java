package com.wallet.apiaccess.crypto;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * A small pool for token signatures on the JDK provider, which cost real CPU time, so the event loop
 * keeps serving. Passwords have a pool of their own ({@link PasswordWorker}): a flood of sign-ins must
 * not queue in front of tokens. The result comes back on the caller's Vert.x context.
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
        return Uni.createFrom()
                .completionStage(
                        () -> executor.<T>executeBlocking(work::get, false).toCompletionStage());
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
