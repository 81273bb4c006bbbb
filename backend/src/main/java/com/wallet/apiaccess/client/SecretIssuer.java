package com.wallet.apiaccess.client;

import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.CredentialRef;
import com.wallet.apiaccess.crypto.SecretDigester;
import com.wallet.apiaccess.crypto.SecretFormat;
import com.wallet.apiaccess.crypto.SecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Makes a client's secret row: with the secret's digest, the clear secret going back once in the
 * answer; or, delivered by link, with only the digest of the link's token, the secret being made
 * when the integrator opens the link ({@link #reveal}).
 */
@ApplicationScoped
public class SecretIssuer {

    /** The row to persist and what the answer carries. */
    record Issued(ClientSecret row, NewSecret answer) {}

    private final SecretGenerator generator;
    private final SecretDigester digester;
    private final CredentialPolicy policy;
    private final Endpoints endpoints;

    public SecretIssuer(
            SecretGenerator generator, SecretDigester digester, CredentialPolicy policy, Endpoints endpoints) {
        this.generator = generator;
        this.digester = digester;
        this.policy = policy;
        this.endpoints = endpoints;
    }

    Issued issue(long clientRowId, Delivery delivery, Instant now) {
        ClientSecret row = new ClientSecret();
        row.clientRowId = clientRowId;
        row.secretId = generator.newSecretId();
        row.createdAt = now;
        if (delivery == Delivery.link) {
            String token = generator.newLinkToken();
            row.linkDigest = linkDigest(token);
            row.linkExpiresAt = now.plus(policy.handoffLifetime());
            return new Issued(
                    row, new NewSecret(row.secretId, null, endpoints.handoffLink(token), row.linkExpiresAt, now));
        }
        String secret = reveal(row);
        return new Issued(row, new NewSecret(row.secretId, secret, null, null, now));
    }

    /** Makes the row's secret: its digest, fingerprint and hint go into the row, the secret itself is returned. */
    String reveal(ClientSecret row) {
        String secret = generator.newSecret();
        row.digest = digester.digest(secret);
        row.credentialRef = CredentialRef.of(row.digest);
        row.hint = SecretFormat.hint(secret);
        return secret;
    }

    String linkDigest(String token) {
        return digester.digest(token);
    }
}
