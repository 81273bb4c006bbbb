package com.wallet.apiaccess.token;

import com.wallet.apiaccess.problem.DatabaseFailures;
import com.wallet.apiaccess.problem.OutageLog;
import com.wallet.apiaccess.security.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code POST /oauth2/token} on a plain Vert.x route, ahead of every other handler, so that no
 * input at all (oversized, wrong content type, broken encoding) gets any answer but an RFC 6749
 * JSON error or a token, with {@code Cache-Control: no-store} either way.
 */
@ApplicationScoped
public class TokenRoute {

    public static final String PATH = "/oauth2/token";
    /** A client-credentials request is a few hundred bytes; anything near this is not one. */
    static final int BODY_LIMIT = 8 * 1024;
    private static final Logger LOG = Logger.getLogger(TokenRoute.class);
    private static final String JSON = "application/json;charset=UTF-8";

    private final TokenService service;
    private final TokenMetrics metrics;
    private final ClientAddress addresses;

    public TokenRoute(TokenService service, TokenMetrics metrics, ClientAddress addresses) {
        this.service = service;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    void register(@Observes Router router) {
        router.route(PATH).order(Integer.MIN_VALUE + 100).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("Pragma", "no-cache");
        if (request.method() != HttpMethod.POST) {
            response.putHeader(HttpHeaders.ALLOW, "POST");
            respond(context, 405, error("invalid_request", "The token endpoint accepts POST only"));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            refuseOversized(context);
            return;
        }
        Buffer body = Buffer.buffer(256);
        boolean[] oversized = {false};
        request.handler(chunk -> {
            if (oversized[0]) {
                return;
            }
            if (body.length() + chunk.length() > BODY_LIMIT) {
                oversized[0] = true;
                refuseOversized(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> LOG.debugf("Token request failed while reading: %s", failure.getMessage()));
        request.endHandler(end -> {
            if (!oversized[0]) {
                issue(context, body.getBytes());
            }
        });
        request.resume();
    }

    private void issue(RoutingContext context, byte[] body) {
        HttpServerRequest request = context.request();
        String source = addresses.of(request);
        Uni.createFrom().deferred(() -> service.issue(request.getHeader(HttpHeaders.CONTENT_TYPE),
                        request.getHeader(HttpHeaders.AUTHORIZATION), body, source))
                .subscribe().with(
                        token -> {
                            metrics.issued();
                            respond(context, 200, new JsonObject()
                                    .put("access_token", token.accessToken())
                                    .put("token_type", "Bearer")
                                    .put("expires_in", token.expiresIn())
                                    .put("scope", token.scope()));
                        },
                        failure -> fail(context, failure));
    }

    private void fail(RoutingContext context, Throwable failure) {
        OAuthError error;
        if (failure instanceof OAuthError oauth) {
            error = oauth;
        } else if (DatabaseFailures.isUnavailable(failure)) {
            OutageLog.refused(PATH, failure);
            error = OAuthError.unavailable();
        } else {
            LOG.error("Token endpoint failed unexpectedly", failure);
            error = OAuthError.serverError();
        }
        metrics.refused(error.reason());
        HttpServerResponse response = context.response();
        if (error.status() == 401) {
            response.putHeader("WWW-Authenticate", "Basic realm=\"api-access\"");
        }
        if (error.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        respond(context, error.status(), error(error.error(), error.description()));
    }

    private void refuseOversized(RoutingContext context) {
        metrics.refused("invalid_request");
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        respond(context, 400, error("invalid_request", "The request body exceeds " + BODY_LIMIT + " bytes"));
    }

    private static boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > BODY_LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static JsonObject error(String code, String description) {
        return new JsonObject().put("error", code).put("error_description", description);
    }

    private static void respond(RoutingContext context, int status, JsonObject body) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.encode());
    }
}
