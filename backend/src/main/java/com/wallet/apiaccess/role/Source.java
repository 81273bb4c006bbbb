package com.wallet.apiaccess.role;

/** Where a request came from, as the audit log records it: the client's address and its user agent. */
public record Source(String ip, String userAgent) {

    /** What is kept of a user agent: enough to tell browsers and libraries apart. */
    public static final int USER_AGENT_LENGTH = 300;

    public static final Source NONE = new Source(null, null);

    public Source {
        if (userAgent != null && userAgent.length() > USER_AGENT_LENGTH) {
            userAgent = userAgent.substring(0, USER_AGENT_LENGTH);
        }
    }
}
