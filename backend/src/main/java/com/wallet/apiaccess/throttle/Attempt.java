package com.wallet.apiaccess.throttle;

/** A reserved attempt: it counts as a failure unless it {@link #succeeded()}. */
public final class Attempt {
    private final Window[] taken;
    private final long retryAfterSeconds;

    Attempt(Window[] taken, long retryAfterSeconds) {
        this.taken = taken;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean refused() {
        return retryAfterSeconds > 0;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Gives the reservation back: a success, or an attempt that was never decided. */
    public void succeeded() {
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] != null) {
                taken[i].count.updateAndGet(count -> Math.max(0, count - 1));
                taken[i] = null;
            }
        }
    }
}
