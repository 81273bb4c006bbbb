package com.wallet.apiaccess.throttle;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, for throttling and the logs. {@code X-Forwarded-For} is read only
 * when the connection comes from a configured trusted proxy, and then from the right: each proxy
 * appends the address it received from, so the right-most entry that is not one of our proxies is the
 * first one a client could not have written itself.
 */
@ApplicationScoped
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_HOPS = 20;

    private final List<Range> trusted;

    @Inject
    public ClientAddress(ApiAccessConfig config) {
        this(config.http().trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                ranges.add(Range.parse(proxy.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as text, as it stands in the logs. */
    public String of(HttpServerRequest request) {
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().host();
        if (trusted.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        return resolve(peer, request.headers().getAll(FORWARDED_FOR));
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            String hop = hops.get(i);
            if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                break; // not an address: nothing left of it can be believed either
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    /**
     * What the throttle counts an address as: an IPv4 address itself, an IPv6 address by its /64,
     * the smallest block one subscriber is given, so that a host cannot step around its limit by
     * changing the low 64 bits.
     */
    public static String throttleKey(String address) {
        if (address.indexOf(':') < 0) {
            return address; // IPv4, or no address at all
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length == 4) {
            return address;
        }
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff))
                    .append(':');
        }
        return key.append(":/64").toString();
    }

    private boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An address or a CIDR block. */
    record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                throw new IllegalArgumentException(
                        "api-access.http.trusted-proxies: '" + text + "' is not an IP address or CIDR block");
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException(
                            "api-access.http.trusted-proxies: '" + text + "' has an invalid prefix length");
                }
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
