package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key that signs tokens now and every key whose tokens may still be live. Loaded from the
 * configured PEM; without one, a P-256 key is generated at start and its tokens die with the process.
 */
@Startup
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final SigningKey current;
    private final Map<String, SigningKey> byKid;
    private final Map<String, Object> jwks;

    public KeyRing(ApiAccessConfig config) {
        this.current = load(config.jwt());
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        keys.put(current.kid(), current);
        for (String location : config.jwt().previousPublicKeyLocations().orElse(List.of())) {
            SigningKey previous = PemKeys.readPublic(read(Path.of(location), "previous-public-key-locations"));
            keys.putIfAbsent(previous.kid(), previous);
            LOG.infof("Accepting tokens of the previous %s key %s", previous.algorithm(), previous.kid());
        }
        this.byKid = Map.copyOf(keys);
        this.jwks = Map.of("keys", keys.values().stream().map(SigningKey::jwk).toList());
        LOG.infof("Signing tokens with %s key %s", current.algorithm(), current.kid());
    }

    public SigningKey current() {
        return current;
    }

    public Optional<SigningKey> verificationKey(String kid) {
        return Optional.ofNullable(kid == null ? null : byKid.get(kid));
    }

    /** The RFC 7517 key set that {@code /oauth2/jwks} publishes. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    private static SigningKey load(ApiAccessConfig.Jwt config) {
        if (config.signKey().isPresent()) {
            return PemKeys.read(config.signKey().get());
        }
        if (config.signKeyLocation().isPresent()) {
            return PemKeys.read(read(Path.of(config.signKeyLocation().get()), "sign-key-location"));
        }
        LOG.warn("No signing key configured (api-access.jwt.sign-key-location): generated a P-256 key for this"
                + " process only. Tokens it signs die with the process and are refused by other replicas.");
        return generate();
    }

    private static String read(Path path, String setting) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read api-access.jwt." + setting + " " + path, e);
        }
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return SigningKey.of(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a P-256 signing key", e);
        }
    }
}
