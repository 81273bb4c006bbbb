package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.problem.RefusedBody;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the OAuth endpoints answer on their Vert.x routes: JSON, RFC 6749 errors with their headers. */
final class OAuthResponses {

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json;charset=UTF-8");

    private OAuthResponses() {}

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** An IMF-fixdate (RFC 9110 §5.6.7), as RFC 8594's {@code Sunset} header takes it. */
    static String httpDate(long epochSeconds) {
        return HTTP_DATE.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** An RFC 6749 §5.2 error body. */
    static JsonObject body(String code, String description) {
        return new JsonObject().put("error", code).put("error_description", description);
    }

    /** The error with its status, and its challenge or Retry-After where it has one. */
    static void error(RoutingContext context, OAuthError error) {
        HttpServerResponse response = context.response();
        if (error.status() == 401) {
            response.putHeader("WWW-Authenticate", "Basic realm=\"api-access\"");
        }
        if (error.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        respond(context, error.status(), body(error.error(), error.description()));
    }

    static void respond(RoutingContext context, int status, JsonObject body) {
        respond(context, status, body.encode());
    }

    static void respond(RoutingContext context, int status, String json) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json);
    }

    /** Answers and then drops what is left of the request (see {@link RefusedBody}). */
    static void respondAndClose(RoutingContext context, int status, JsonObject body) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (RefusedBody.closesConnection(request)) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(body.encode())
                .onComplete(sent -> RefusedBody.drop(request));
    }
}
