package com.wallet.apiaccess.client;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The settings of a credential's life (README, *Credential lifecycle*), checked when the service
 * starts so that a wrong one stops it there and not at the first rotation.
 */
@Startup
@ApplicationScoped
public class CredentialPolicy {

    /** How far ahead a rotation may keep the older secret; the contract's limit. */
    static final Duration MAX_RETIRE_AFTER = Duration.ofDays(30);

    static final Duration DEFAULT_RETIRE_AFTER = Duration.ofDays(7);
    static final Duration MIN_IDLE_WINDOW = Duration.ofMinutes(5);

    private final int warnDays;
    private final int maxDays;
    private final Duration idleWindow;
    private final Duration handoffLifetime;

    public CredentialPolicy(ApiAccessConfig config) {
        this.warnDays = config.expiry().warnDays();
        this.maxDays = config.expiry().maxDays();
        this.idleWindow = config.rotation().idleWindow();
        this.handoffLifetime = config.handoff().lifetime();
        if (warnDays < 0 || warnDays > 3650) {
            throw new IllegalStateException("api-access.expiry.warn-days must be from 0 to 3650, not " + warnDays);
        }
        if (maxDays < 1 || maxDays > 36_500) {
            throw new IllegalStateException("api-access.expiry.max-days must be from 1 to 36500, not " + maxDays);
        }
        if (idleWindow.compareTo(MIN_IDLE_WINDOW) < 0) {
            throw new IllegalStateException("api-access.rotation.idle-window must be at least " + MIN_IDLE_WINDOW
                    + " (last use is recorded up to a minute late), not " + idleWindow);
        }
        if (handoffLifetime.compareTo(Duration.ofMinutes(1)) < 0
                || handoffLifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalStateException(
                    "api-access.handoff.lifetime must be from PT1M to P30D, not " + handoffLifetime);
        }
        if (config.rotation().sweepEvery().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("api-access.rotation.sweep-every must be at least PT1S");
        }
    }

    public int warnDays() {
        return warnDays;
    }

    /** Whether a credential ending at {@code end} is inside the warning window at {@code now}. */
    public boolean isInWarningWindow(Instant end, Instant now) {
        return !end.isAfter(now.plus(Duration.ofDays(warnDays)));
    }

    ClientStatus status(boolean enabled, Expiry expiry, LocalDate today) {
        return ClientStatus.of(enabled, expiry.lastDay(), today, warnDays);
    }

    /** The latest expiry date a client created today may have. */
    LocalDate latestExpiry(LocalDate today) {
        return today.plusDays(maxDays);
    }

    int maxDays() {
        return maxDays;
    }

    Duration idleWindow() {
        return idleWindow;
    }

    Duration handoffLifetime() {
        return handoffLifetime;
    }
}
