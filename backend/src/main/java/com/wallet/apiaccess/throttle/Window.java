package com.wallet.apiaccess.throttle;

import java.util.concurrent.atomic.AtomicInteger;

/** One counter of failures, until its window ends. */
final class Window {
    final long end;
    final AtomicInteger count = new AtomicInteger();

    Window(long end) {
        this.end = end;
    }

    boolean isOver(long now) {
        return now >= end;
    }

    boolean take(int max) {
        while (true) {
            int count = this.count.get();
            if (count >= max) {
                return false;
            }
            if (this.count.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }
}
