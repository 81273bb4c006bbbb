package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bcrypt threads: one per core and a short queue. A flood of sign-ins fills the queue and is then
 * answered 503 at once instead of waiting in line; token signing on the JDK provider has its own pool
 * ({@link CryptoWorker}), so the flood cannot slow the token endpoint. Results come back on the
 * caller's Vert.x context, where the reactive Hibernate session lives.
 */
@ApplicationScoped
public class PasswordWorker {

    private final ThreadPoolExecutor executor;

    public PasswordWorker(ApiAccessConfig config) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.password().maxQueued())),
                work -> {
                    Thread thread = new Thread(work, "api-access-bcrypt-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Runs the work on a bcrypt thread, or fails at once with 503 when the queue is full. */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            try {
                executor.execute(() -> {
                    T result;
                    try {
                        result = work.get();
                    } catch (Throwable failure) {
                        back(context, () -> emitter.fail(failure));
                        return;
                    }
                    back(context, () -> emitter.complete(result));
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(busy());
            }
        });
    }

    static ProblemException busy() {
        return new ProblemException(
                503,
                ProblemTypes.BUSY,
                "Service busy",
                "Too many password checks are waiting; try again in a moment",
                null,
                Map.of("Retry-After", "1"));
    }

    private static void back(Context context, Runnable emit) {
        if (context == null) {
            emit.run();
        } else {
            context.runOnContext(nothing -> emit.run());
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
