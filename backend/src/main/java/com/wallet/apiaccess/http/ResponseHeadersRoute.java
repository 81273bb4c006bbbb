package com.wallet.apiaccess.http;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Headers that depend on the request, set ahead of every other handler and applied just before the
 * headers are written, so no answer escapes them, errors included:
 * <ul>
 * <li>{@code Cache-Control: no-store} on everything under {@code /api}: each answer there carries
 * wallet data or concerns it, so none is kept by a browser or a shared cache;</li>
 * <li>{@code Strict-Transport-Security} on every answer given over HTTPS: the request came over TLS,
 * or {@code api-access.issuer} is an {@code https://} URL, the service then sitting behind a proxy
 * that terminates TLS. Never over plain HTTP with an {@code http://} issuer (RFC 6797 §7.2).</li>
 * </ul>
 */
@ApplicationScoped
public class ResponseHeadersRoute {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    private static final CharSequence STRICT_TRANSPORT_SECURITY =
            HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence HSTS_VALUE = HttpHeaders.createOptimized(HSTS);

    private final boolean servedOverHttps;

    public ResponseHeadersRoute(ApiAccessConfig config) {
        this.servedOverHttps = config.issuer().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    void register(@Observes Router router) {
        // ahead of the token route and the /api body limit (Integer.MIN_VALUE + 100), which answer early
        router.route().order(Integer.MIN_VALUE + 50).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        boolean hsts = servedOverHttps || context.request().isSSL();
        boolean api = isApi(context.normalizedPath());
        if (hsts || api) {
            context.addHeadersEndHandler(headers -> {
                if (hsts) {
                    context.response().putHeader(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
                }
                if (api) {
                    context.response().putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
                }
            });
        }
        context.next();
    }

    static boolean isApi(String path) {
        return path != null
                && path.startsWith("/api")
                && (path.length() == 4 || path.charAt(4) == '/' || path.charAt(4) == ';');
    }
}
