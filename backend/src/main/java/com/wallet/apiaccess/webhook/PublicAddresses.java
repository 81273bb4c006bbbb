package com.wallet.apiaccess.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may be sent to by default: those of the public internet. Not loopback,
 * private (RFC 1918), CGNAT (100.64/10), link-local (the cloud metadata address 169.254.169.254
 * among them), unspecified, multicast, reserved, documentation or benchmarking ranges, IPv6
 * unique-local (fc00::/7), site-local or link-local, nor any IPv6 address that embeds an IPv4 one
 * (mapped, compatible, NAT64, 6to4, Teredo) that is not public itself.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return isPublicV6(v6.getAddress());
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0 // "this network", 0.0.0.0
                || b0 == 10
                || b0 == 127
                || (b0 == 100 && (b1 & 0xc0) == 64) // CGNAT 100.64.0.0/10
                || (b0 == 169 && b1 == 254) // link-local, cloud metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay anycast
                || (b0 == 192 && b1 == 168)
                || (b0 == 198 && (b1 & 0xfe) == 18) // benchmarking 198.18.0.0/15
                || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113) // TEST-NET-3
                || b0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        int first = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int second = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (allZero(a, 0, 10)) {
            // ::/128, ::1, IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d
            boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            boolean compatible = a[10] == 0 && a[11] == 0;
            return (mapped || compatible) && !allZero(a, 12, 16) && isPublicV4(slice(a, 12));
        }
        if (first == 0x0064 && second == 0xff9b) {
            return isPublicV4(slice(a, 12)); // NAT64 64:ff9b::/96 (and 64:ff9b:1::/48)
        }
        if (first == 0x2002) {
            return isPublicV4(slice(a, 2)); // 6to4 2002:a.b.c.d::/48
        }
        if (first == 0x2001 && second == 0x0000) {
            return false; // Teredo: the client's address is obfuscated in it
        }
        if (first == 0x2001 && second == 0x0db8) {
            return false; // documentation
        }
        if (first == 0x0100 && allZero(a, 2, 8)) {
            return false; // discard-only 100::/64
        }
        return !((first & 0xfe00) == 0xfc00 // unique-local fc00::/7
                || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (first & 0xffc0) == 0xfec0 // site-local fec0::/10 (deprecated)
                || (first & 0xff00) == 0xff00); // multicast
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(a, from, v4, 0, 4);
        return v4;
    }
}
