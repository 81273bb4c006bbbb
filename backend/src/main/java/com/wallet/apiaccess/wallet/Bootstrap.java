package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.user.UserRules;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Applies the {@code api-access.bootstrap.*} settings at start; running it twice changes nothing. */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    void onStart(
            @Observes StartupEvent event,
            ApiAccessConfig config,
            WalletProvisioning provisioning,
            PasswordHasher hasher)
            throws Throwable {
        ApiAccessConfig.Bootstrap settings = config.bootstrap();
        if (settings.walletKey().isEmpty() && settings.adminUsername().isEmpty()) {
            return;
        }
        String key = settings.walletKey().orElseThrow(() -> missing("wallet-key"));
        String username = settings.adminUsername().orElseThrow(() -> missing("admin-username"));
        String password = settings.adminPassword().orElseThrow(() -> missing("admin-password"));
        if (!WalletKeyRule.isValid(key)) {
            throw new IllegalStateException("api-access.bootstrap.wallet-key " + WalletKeyRule.MESSAGE);
        }
        if (!UserRules.isValidUsername(username)) {
            throw new IllegalStateException("api-access.bootstrap.admin-username is not a valid username");
        }
        String name = settings.walletName().filter(n -> !n.isBlank()).orElse(key);
        boolean created = !VertxContextSupport.subscribeAndAwait(() -> provisioning.adminExists(key, username))
                && VertxContextSupport.subscribeAndAwait(
                        () -> provisioning.ensure(key, name, username, hasher.hash(password)));
        if (created) {
            LOG.infof("Bootstrap: wallet '%s' and its admin '%s' are ready", key, username);
        } else {
            LOG.debugf("Bootstrap: wallet '%s' and admin '%s' already exist", key, username);
        }
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException(
                "api-access.bootstrap." + name + " is required when any bootstrap setting is given");
    }
}
