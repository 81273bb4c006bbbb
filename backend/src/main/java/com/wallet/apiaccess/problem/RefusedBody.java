package com.wallet.apiaccess.problem;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Ends a request whose body is refused, once its answer is out. Over HTTP/2 the stream is reset with
 * NO_ERROR (RFC 9113 §8.1); the connection and its other streams live on.
 *
 * <p>Over HTTP/1.x the connection has to go, but closing it at once while the client still sends makes
 * the client's kernel answer the rest with a reset, and a client that writes its whole body before it
 * reads (most blocking clients) then sees a broken pipe instead of the answer. So what is still coming
 * is read and dropped, bounded in bytes and time, before the close: nginx's lingering close.
 */
public final class RefusedBody {

    /** What is dropped of a refused body before the connection closes anyway. */
    static final long LINGER_BYTES = 16 * 1024 * 1024;

    static final long LINGER_MILLIS = 5_000;

    private RefusedBody() {}

    /** True when the answer must say {@code Connection: close}: HTTP/1.x. */
    public static boolean closesConnection(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2;
    }

    /** Call once the answer has been written. */
    public static void drop(HttpServerRequest request) {
        if (!closesConnection(request)) {
            request.response().reset(0);
            return;
        }
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        Vertx vertx = Vertx.currentContext().owner();
        long deadline = vertx.setTimer(LINGER_MILLIS, expired -> connection.close());
        Runnable close = () -> {
            vertx.cancelTimer(deadline);
            connection.close();
        };
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                close.run();
            }
        });
        request.endHandler(ended -> close.run());
        request.exceptionHandler(failed -> close.run());
        request.resume();
    }
}
