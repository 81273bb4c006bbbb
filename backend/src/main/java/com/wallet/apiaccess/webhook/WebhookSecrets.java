package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The endpoints' signing secrets: {@code whsec_} and the base64 of 32 random bytes, as Standard
 * Webhooks libraries expect. Each is kept encrypted ({@link SecretBox}, bound to its endpoint's id):
 * signing needs the secret itself, so it cannot be a one-way digest like a client secret.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final String PURPOSE = "api-access webhook signing secrets v1";

    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecrets(ApiAccessConfig config) {
        String key = config.webhooks()
                .secretKey()
                .filter(k -> !k.isBlank())
                .or(() -> config.secretPepper().filter(p -> !p.isBlank()))
                .orElse(null);
        if (key == null) {
            LOG.warn("Neither api-access.webhooks.secret-key nor api-access.secret-pepper is set: webhook signing"
                    + " secrets are encrypted under a built-in key, readable by anyone who reads the database");
            key = "";
        }
        this.box = SecretBox.derivedFrom(key, PURPOSE);
    }

    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    String seal(String secret, String endpointId) {
        return box.seal(secret, endpointId);
    }

    /** The HMAC key: the bytes the base64 after {@code whsec_} stands for. */
    byte[] signingKey(String sealed, String endpointId) {
        String secret = box.open(sealed, endpointId);
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
