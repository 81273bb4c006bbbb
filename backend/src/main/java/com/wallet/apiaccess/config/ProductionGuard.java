package com.wallet.apiaccess.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * In the prod profile, refuses to start with what is only fit for development — a signing key
 * generated at start, client secrets without a pepper, a weak bootstrap admin password or operator
 * token — unless
 * {@code api-access.allow-insecure-defaults=true} says it is meant.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);
    private static final int MIN_PASSWORD = 12;
    private static final int MIN_OPERATOR_TOKEN = 32;

    void check(@Observes StartupEvent event, ApiAccessConfig config) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<String> problems = problems(config);
        if (problems.isEmpty()) {
            return;
        }
        if (config.allowInsecureDefaults()) {
            problems.forEach(problem ->
                    LOG.warnf("Insecure for production, allowed by api-access.allow-insecure-defaults: %s", problem));
            return;
        }
        throw new IllegalStateException(
                "Refusing to start in production: " + String.join("; ", problems)
                        + ". Fix these (README.md, Configuration), or set api-access.allow-insecure-defaults=true for a trial.");
    }

    static List<String> problems(ApiAccessConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.jwt().signKey().isEmpty() && config.jwt().signKeyLocation().isEmpty()) {
            problems.add("no signing key (api-access.jwt.sign-key-location): tokens would die with the process");
        }
        if (config.secretPepper().filter(p -> p.length() >= 16).isEmpty()) {
            problems.add("no api-access.secret-pepper of at least 16 characters");
        }
        config.webhooks()
                .secretKey()
                .filter(key -> key.length() < 16)
                .ifPresent(key -> problems.add("api-access.webhooks.secret-key is shorter than 16 characters"));
        config.bootstrap()
                .adminPassword()
                .filter(password -> password.length() < MIN_PASSWORD)
                .ifPresent(password -> problems.add(
                        "api-access.bootstrap.admin-password is shorter than " + MIN_PASSWORD + " characters"));
        config.platform()
                .operatorToken()
                .filter(token -> !token.isBlank() && token.length() < MIN_OPERATOR_TOKEN)
                .ifPresent(token -> problems.add(
                        "api-access.platform.operator-token is shorter than " + MIN_OPERATOR_TOKEN + " characters"));
        return problems;
    }
}
