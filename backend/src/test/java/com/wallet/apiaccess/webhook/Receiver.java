package com.wallet.apiaccess.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on 127.0.0.1: keeps what it is sent and answers what the test queued (else 204). */
final class Receiver implements AutoCloseable {

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final Vertx vertx;
    private final HttpServer server;
    volatile long delayMillis;
    volatile boolean silent;
    volatile String redirectTo;

    private final String host;

    private Receiver(Vertx vertx, String host) throws Exception {
        this.vertx = vertx;
        this.host = host;
        this.server = vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, host)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    static Receiver start(Vertx vertx) throws Exception {
        return new Receiver(vertx, "127.0.0.1");
    }

    /** A receiver on IPv6's loopback, ::1. */
    static Receiver startOnIpv6(Vertx vertx) throws Exception {
        return new Receiver(vertx, "::1");
    }

    /** The next answers, in order; after them 204. */
    Receiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    String url(String path) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + authority + ":" + server.actualPort() + path;
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        received.forEach(r -> ids.add(r.header("webhook-id")));
        return ids;
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Map<String, List<String>> headers = new TreeMap<>();
            request.headers()
                    .forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(h.getValue()));
            received.add(new Received(request.path(), headers, body.toString()));
            if (silent) {
                return;
            }
            Integer status = answers.poll();
            Runnable answer = () -> {
                if (redirectTo != null) {
                    request.response()
                            .setStatusCode(302)
                            .putHeader("Location", redirectTo)
                            .end();
                } else {
                    if (status == null) {
                        request.response().setStatusCode(204).end();
                    } else {
                        request.response().setStatusCode(status).end("receiver says no");
                    }
                }
            };
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, t -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
