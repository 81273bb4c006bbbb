package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF rule: a webhook goes only to a host whose every address is public ({@link PublicAddresses}),
 * unless {@code api-access.webhooks.allow-private}. Checked when an endpoint is saved and again before
 * each attempt, which then connects to the very address checked, so a name that resolves elsewhere
 * in between (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class AddressGuard {

    private final HostResolver resolver;
    private final boolean allowPrivate;

    public AddressGuard(HostResolver resolver, ApiAccessConfig config) {
        this.resolver = resolver;
        this.allowPrivate = config.webhooks().allowPrivate();
    }

    boolean allowsHttp() {
        return allowPrivate;
    }

    /** The address to connect to; fails with {@link Refused} saying why not. */
    Uni<InetAddress> check(WebhookUrl url) {
        return resolver.resolve(url.host())
                .onFailure(UnknownHostException.class)
                .transform(e -> new Refused("its host does not resolve"))
                .map(addresses -> {
                    if (addresses.isEmpty()) {
                        throw new Refused("its host does not resolve");
                    }
                    if (!allowPrivate && !addresses.stream().allMatch(PublicAddresses::isPublic)) {
                        throw new Refused("must resolve only to public internet addresses"
                                + " (not loopback, private, link-local or reserved ones)");
                    }
                    return preferred(addresses);
                });
    }

    /** IPv4 first: fewer hosts have a working IPv6 route. */
    private static InetAddress preferred(List<InetAddress> addresses) {
        return addresses.stream()
                .filter(a -> a instanceof java.net.Inet4Address)
                .findFirst()
                .orElse(addresses.get(0));
    }

    /** Why an endpoint's URL may not be called; safe to show to the wallet's admin. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
