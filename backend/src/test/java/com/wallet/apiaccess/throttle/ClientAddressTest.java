package com.wallet.apiaccess.throttle;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which address a request is counted under, with and without trusted proxies. */
@Tag("unit")
class ClientAddressTest {

    private static final ClientAddress NO_PROXIES = new ClientAddress(List.<String>of());
    private static final ClientAddress BEHIND_NGINX = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10"));

    @Test
    void shouldIgnoreForwardedForWithoutTrustedProxies() {
        assertEquals("198.51.100.7", NO_PROXIES.resolve("198.51.100.7", List.of("203.0.113.1")));
    }

    @Test
    void shouldIgnoreForwardedForFromAnUntrustedPeer() {
        assertEquals("198.51.100.7", BEHIND_NGINX.resolve("198.51.100.7", List.of("203.0.113.1")));
    }

    @Test
    void shouldTakeTheClientThatTheTrustedProxySaw() {
        assertEquals("203.0.113.1", BEHIND_NGINX.resolve("10.1.2.3", List.of("203.0.113.1")));
    }

    /** The attack: a client writes its own X-Forwarded-For; the proxy appends the real address. */
    @Test
    void shouldNotBelieveWhatTheClientWroteLeftOfTheProxysEntry() {
        assertEquals("203.0.113.1", BEHIND_NGINX.resolve("10.1.2.3", List.of("6.6.6.6, 7.7.7.7, 203.0.113.1")));
        assertEquals("203.0.113.1", BEHIND_NGINX.resolve("10.1.2.3", List.of("6.6.6.6", "203.0.113.1")));
    }

    @Test
    void shouldSkipEveryTrustedHop() {
        assertEquals("203.0.113.1", BEHIND_NGINX.resolve("10.1.2.3", List.of("203.0.113.1, 192.0.2.10, 10.9.9.9")));
    }

    @Test
    void shouldStopAtSomethingThatIsNotAnAddress() {
        assertEquals("10.1.2.3", BEHIND_NGINX.resolve("10.1.2.3", List.of("203.0.113.1, evil.example")));
        assertEquals("10.1.2.3", BEHIND_NGINX.resolve("10.1.2.3", List.of("")));
    }

    @Test
    void shouldKeepTheConnectionsAddressWithoutForwardedFor() {
        assertEquals("10.1.2.3", BEHIND_NGINX.resolve("10.1.2.3", List.of()));
    }

    @Test
    void shouldCountIpv6ByItsSlash64AndIpv4ByItself() {
        assertEquals("2001:db8:0:1::/64", ClientAddress.throttleKey("2001:db8:0:1:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:0:1::/64", ClientAddress.throttleKey("2001:db8::1:0:0:0:1"));
        assertEquals("198.51.100.7", ClientAddress.throttleKey("198.51.100.7"));
    }

    @Test
    void shouldRefuseAMisconfiguredProxy() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
    }

    @Test
    void shouldMatchIpv6Ranges() {
        ClientAddress v6 = new ClientAddress(List.of("fd00::/8"));
        assertEquals("2001:db8::5", v6.resolve("fd12::1", List.of("2001:db8::5")));
        assertEquals("fe80::1", v6.resolve("fe80::1", List.of("2001:db8::5")));
    }
}
