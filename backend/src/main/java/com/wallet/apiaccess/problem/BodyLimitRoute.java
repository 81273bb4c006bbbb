package com.wallet.apiaccess.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an admin API body larger than any legitimate one with problem+json, before Quarkus' own
 * limit would answer a bare 413: a declared length at once, a chunked body once it outgrows the limit.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Matches quarkus.http.limits.max-body-size. A client's notes are at most 1,000 characters. */
    static final long LIMIT = 64 * 1024;

    /** Reads a body of no declared length up to the limit; past it, fails the route with 413. */
    private final BodyHandler streamed = BodyHandler.create(false).setBodyLimit(LIMIT);

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 100).handler(this::check);
        router.route("/api/*").order(Integer.MIN_VALUE + 100).failureHandler(this::failed);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            refuse(context);
        } else if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            streamed.handle(context);
        } else {
            context.next();
        }
    }

    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().closed()) {
            return; // answered already: a late failure of the closed connection says nothing new
        }
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context) {
        if (RefusedBody.closesConnection(context.request())) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", "Content Too Large")
                        .put("status", 413)
                        .put("detail", "The request body exceeds " + LIMIT + " bytes")
                        .encode())
                .onComplete(sent -> RefusedBody.drop(context.request()));
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
