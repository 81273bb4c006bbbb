package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.auth.DpopProofs;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.database.OutageLog;
import com.wallet.apiaccess.throttle.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code POST /oauth2/token}, {@code /oauth2/introspect} and {@code /oauth2/revoke} on plain Vert.x
 * routes, ahead of every other handler, so that no input at all (oversized, wrong content type, broken
 * encoding) gets any answer but an RFC 6749 JSON error or the endpoint's own, with
 * {@code Cache-Control: no-store} either way. A body must arrive within
 * {@code api-access.token.body-timeout} and at most {@code api-access.token.max-body-reads} are read
 * at once, so that clients sending their bodies slowly, or never, hold neither memory nor connections.
 */
@ApplicationScoped
public class TokenRoute {

    public static final String PATH = Endpoints.TOKEN_PATH;

    /** What an endpoint does with a body read in full; {@code started} is the request's arrival ({@link System#nanoTime()}). */
    @FunctionalInterface
    private interface Endpoint {
        void answer(RoutingContext context, byte[] body, long started);
    }

    /** A client-credentials request is a few hundred bytes; anything near this is not one. */
    static final int BODY_LIMIT = 8 * 1024;

    private static final Logger LOG = Logger.getLogger(TokenRoute.class);

    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence PRAGMA = HttpHeaders.createOptimized("Pragma");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence SUNSET = HttpHeaders.createOptimized("Sunset");

    /** Retry-After of a request refused because too many bodies are being read. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final TokenService service;
    private final IntrospectionService introspection;
    private final TokenMetrics metrics;
    private final ClientAddress addresses;
    private final long bodyTimeoutMillis;
    private final int maxBodyReads;
    /** Token requests whose bodies are being read now, over all event loops. */
    private final AtomicInteger bodyReads = new AtomicInteger();

    public TokenRoute(
            TokenService service,
            IntrospectionService introspection,
            TokenMetrics metrics,
            ClientAddress addresses,
            ApiAccessConfig config) {
        this.service = service;
        this.introspection = introspection;
        this.metrics = metrics;
        this.addresses = addresses;
        this.bodyTimeoutMillis = Math.max(1, config.token().bodyTimeout().toMillis());
        this.maxBodyReads = config.token().maxBodyReads();
        metrics.bodiesBeingRead(bodyReads);
    }

    void register(@Observes Router router) {
        router.route(PATH).order(Integer.MIN_VALUE + 100).handler(context -> handle(context, this::issue));
        router.route(Endpoints.INTROSPECTION_PATH)
                .order(Integer.MIN_VALUE + 100)
                .handler(context -> handle(context, this::introspect));
        router.route(Endpoints.REVOCATION_PATH)
                .order(Integer.MIN_VALUE + 100)
                .handler(context -> handle(context, this::revoke));
    }

    private void handle(RoutingContext context, Endpoint endpoint) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE).putHeader(PRAGMA, NO_CACHE);
        if (request.method() != HttpMethod.POST) {
            response.putHeader(HttpHeaders.ALLOW, "POST");
            OAuthResponses.respond(
                    context, 405, OAuthResponses.body("invalid_request", "This endpoint accepts POST only"));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            refuseOversized(context);
            return;
        }
        if (bodyReads.incrementAndGet() > maxBodyReads) {
            bodyReads.decrementAndGet();
            refuseBusy(context);
            return;
        }
        new BodyRead(context, endpoint).start();
    }

    /**
     * Reads one token request's body, up to {@link #BODY_LIMIT} bytes and for at most the body
     * timeout; holds one of the {@code max-body-reads} places until the body has ended or been given
     * up on. Runs on the request's event loop alone (its timer too), so needs no locking.
     */
    private final class BodyRead implements Handler<Buffer> {

        private final RoutingContext context;
        private final Endpoint endpoint;
        private final long started = System.nanoTime();
        private final Buffer body = Buffer.buffer(256);
        private long timer = -1;
        /** The body ended, was refused or abandoned, and the place given back. */
        private boolean finished;

        BodyRead(RoutingContext context, Endpoint endpoint) {
            this.context = context;
            this.endpoint = endpoint;
        }

        void start() {
            HttpServerRequest request = context.request();
            timer = context.vertx().setTimer(bodyTimeoutMillis, id -> timedOut());
            request.handler(this);
            request.exceptionHandler(this::failed);
            request.endHandler(end -> {
                if (finish()) {
                    endpoint.answer(context, body.getBytes(), started);
                }
            });
            request.resume();
        }

        @Override
        public void handle(Buffer chunk) {
            if (finished) {
                return;
            }
            if (body.length() + chunk.length() > BODY_LIMIT) {
                finish();
                refuseOversized(context);
                return;
            }
            body.appendBuffer(chunk);
        }

        private void timedOut() {
            timer = -1;
            if (finish()) {
                refused(context, "invalid_request");
                OAuthResponses.respondAndClose(
                        context,
                        400,
                        OAuthResponses.body(
                                "invalid_request",
                                "The request body did not arrive within " + describe(bodyTimeoutMillis)));
            }
        }

        private void failed(Throwable failure) {
            LOG.debugf("Token request failed while reading: %s", failure.getMessage());
            finish(); // the connection is gone: nothing to answer, the place is free again
        }

        /** Gives the place back once; false when that was done already. */
        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            bodyReads.decrementAndGet();
            if (timer >= 0) {
                context.vertx().cancelTimer(timer);
                timer = -1;
            }
            return true;
        }
    }

    private static String describe(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + (millis == 1000 ? " second" : " seconds") : millis + " ms";
    }

    private void issue(RoutingContext context, byte[] body, long started) {
        FormCall<IssuedToken> issue = (contentType, authorization, form, source) ->
                service.issue(contentType, authorization, dpopProof(context.request()), form, source);
        call(context, body, started, issue, token -> {
            metrics.issued(started);
            if (token.sunsetSoon()) {
                context.response().putHeader(SUNSET, OAuthResponses.httpDate(token.credentialExpiresAt()));
            }
            OAuthResponses.respond(context, 200, token.json());
        });
    }

    /** The DPoP header's value, or null; more than one is refused (RFC 9449 §4.3 step 1). */
    private static String dpopProof(HttpServerRequest request) {
        String proof = request.getHeader(DpopProofs.HEADER);
        if (proof != null && request.headers().getAll(DpopProofs.HEADER).size() > 1) {
            throw OAuthError.invalidDpopProof("Send one DPoP header, not several");
        }
        return proof;
    }

    /** RFC 7662 §2.2: 200 with the token's claims, or {@code {"active": false}}. */
    private void introspect(RoutingContext context, byte[] body, long started) {
        call(context, body, started, introspection::introspect, answer -> OAuthResponses.respond(context, 200, answer));
    }

    /** RFC 7009 §2.2: 200 with an empty body, whether or not the token was known. */
    private void revoke(RoutingContext context, byte[] body, long started) {
        call(context, body, started, introspection::revoke, done -> {
            HttpServerResponse response = context.response();
            if (!response.ended() && !response.closed()) {
                response.setStatusCode(200).end();
            }
        });
    }

    /** What an endpoint's service does with a request: its content type, Authorization header, body and source. */
    @FunctionalInterface
    private interface FormCall<T> {
        Uni<T> call(String contentType, String authorization, byte[] body, String source);
    }

    /** Runs the service's call (whatever it throws included) and answers with its result or its OAuth error. */
    private <T> void call(RoutingContext context, byte[] body, long started, FormCall<T> call, Consumer<T> answer) {
        HttpServerRequest request = context.request();
        Uni<T> result;
        try {
            result = call.call(
                    request.getHeader(HttpHeaders.CONTENT_TYPE),
                    request.getHeader(HttpHeaders.AUTHORIZATION),
                    body,
                    addresses.of(request));
        } catch (RuntimeException failure) {
            fail(context, failure, started);
            return;
        }
        result.subscribe().with(answer, failure -> fail(context, failure, started));
    }

    private void fail(RoutingContext context, Throwable failure, long started) {
        OAuthError error;
        if (failure instanceof OAuthError oauth) {
            error = oauth;
        } else if (DatabaseFailures.isUnavailable(failure)) {
            OutageLog.refused(context.request().path(), failure);
            error = OAuthError.unavailable();
        } else {
            LOG.errorf(failure, "%s failed unexpectedly", context.request().path());
            error = OAuthError.serverError();
        }
        if (PATH.equals(context.request().path())) {
            metrics.refused(error.reason(), started);
        }
        OAuthResponses.error(context, error);
    }

    /** Counted in the token metrics when it is a token request. */
    private void refused(RoutingContext context, String reason) {
        if (PATH.equals(context.request().path())) {
            metrics.refused(reason);
        }
    }

    private void refuseOversized(RoutingContext context) {
        refused(context, "invalid_request");
        // the rest of the body is not worth reading, however slowly it comes
        OAuthResponses.respondAndClose(
                context,
                400,
                OAuthResponses.body("invalid_request", "The request body exceeds " + BODY_LIMIT + " bytes"));
    }

    private void refuseBusy(RoutingContext context) {
        refused(context, "temporarily_unavailable");
        context.response().putHeader("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
        OAuthResponses.respondAndClose(
                context,
                503,
                OAuthResponses.body(
                        "temporarily_unavailable", "Too many token requests are being received; retry shortly"));
    }

    private static boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > BODY_LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
