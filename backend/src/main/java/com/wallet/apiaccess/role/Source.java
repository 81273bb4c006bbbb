package com.wallet.apiaccess.role;

/**
 * Where a request came from, as the audit log records it: the client's address and its user agent.
 * Both come from the request, so both are cut to size and stripped of control characters: a NUL byte in
 * a {@code User-Agent} must not be able to fail the change it comes with, or the write of the failed
 * attempts it hides among.
 */
public record Source(String ip, String userAgent) {

    /** What is kept of a user agent: enough to tell browsers and libraries apart. */
    public static final int USER_AGENT_LENGTH = 300;

    static final int IP_LENGTH = 64;

    public static final Source NONE = new Source(null, null);

    public Source {
        ip = clean(ip, IP_LENGTH);
        userAgent = clean(userAgent, USER_AGENT_LENGTH);
    }

    private static String clean(String value, int length) {
        if (value == null) {
            return null;
        }
        String cut = value.length() > length ? value.substring(0, length) : value;
        StringBuilder kept = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            kept.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return kept.toString();
    }
}
