package com.wallet.apiaccess.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an admin API body declared larger than any legitimate one with problem+json, before
 * Quarkus' own limit would answer a bare 413.
 */
@ApplicationScoped
public class BodyLimitRoute {

    /** Matches quarkus.http.limits.max-body-size. A client's notes are at most 1,000 characters. */
    static final long LIMIT = 64 * 1024;

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject()
                                .put("type", "about:blank")
                                .put("title", "Content Too Large")
                                .put("status", 413)
                                .put("detail", "The request body exceeds " + LIMIT + " bytes")
                                .encode());
                return;
            }
            context.next();
        });
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
