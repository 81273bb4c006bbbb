package com.wallet.apiaccess.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Deep links of the admin console ({@code /settings/iam/api-access}) load the SPA's index.html,
 * whose router takes it from there. Only page navigations outside the API's prefixes are rerouted;
 * files (anything with a dot in its last segment) are served as they are.
 */
@ApplicationScoped
public class SpaFallbackRoute {

    private static final Pattern CONSOLE_PATH =
            Pattern.compile("/(?!api(?:/|$)|oauth2(?:/|$)|\\.well-known(?:/|$)|q(?:/|$))(?:[^.?]*/)?[^./?]+/?");

    private final boolean consoleBundled;

    public SpaFallbackRoute() {
        this.consoleBundled =
                Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/index.html") != null;
    }

    void register(@Observes Router router) {
        if (!consoleBundled) {
            return;
        }
        router.getWithRegex(CONSOLE_PATH.pattern())
                .order(Integer.MIN_VALUE + 200)
                .handler(context -> {
                    String accept = context.request().getHeader(HttpHeaders.ACCEPT);
                    if (accept != null && accept.contains("text/html")) {
                        context.reroute("/");
                    } else {
                        context.next();
                    }
                });
    }
}
