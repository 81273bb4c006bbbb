package com.wallet.apiaccess.client;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.crypto.ClientPublicKey;
import com.wallet.apiaccess.crypto.CredentialRef;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public keys of a client for {@code private_key_jwt}: at most two, so that a key can be rolled over
 * without an outage, each named by its thumbprint. Adding a key hands the client's power to whoever
 * holds its private key, so it needs every role of the client, like a new secret. A client always keeps
 * one working credential: its last key goes only while it has a working secret, and the other way round
 * ({@link SecretRotation#retire}).
 */
@ApplicationScoped
public class ClientKeys {

    private static final Logger LOG = Logger.getLogger(ClientKeys.class);
    static final int MAX_KEYS = 2;

    private final ApiClientRepository clients;
    private final ClientKeyRepository keys;
    private final ClientSecretRepository secrets;
    private final Event<ClientChanged> clientChanged;
    private final AuditLog audit;

    public ClientKeys(
            ApiClientRepository clients,
            ClientKeyRepository keys,
            ClientSecretRepository secrets,
            Event<ClientChanged> clientChanged,
            AuditLog audit) {
        this.clients = clients;
        this.keys = keys;
        this.secrets = secrets;
        this.clientChanged = clientChanged;
        this.audit = audit;
    }

    /** The key of a request: exactly one of {@code jwk} and {@code pem}, read and checked, else a 400 naming it. */
    static ClientPublicKey read(Map<String, Object> jwk, String pem) {
        if (jwk != null && pem != null) {
            throw ProblemException.badRequest(
                    "Send the key once: as jwk or as pem, not both",
                    List.of(new FieldError("pem", "must be absent when jwk is given")));
        }
        if (jwk == null && pem == null) {
            throw ProblemException.badRequest(
                    "A public key is required, as jwk or as pem",
                    List.of(new FieldError("jwk", "a public JWK, or a PEM public key in pem, is required")));
        }
        String field = jwk != null ? "jwk" : "pem";
        try {
            return jwk != null ? ClientPublicKey.fromJwk(jwk) : ClientPublicKey.fromPem(pem);
        } catch (ClientPublicKey.Rejected e) {
            throw ProblemException.badRequest(e.getMessage(), List.of(new FieldError(field, e.getMessage())));
        }
    }

    /** The row of a new key; its credential_ref is new each time, so a key removed and added again starts afresh. */
    static ClientKey row(long clientRowId, ClientPublicKey key, Instant now) {
        ClientKey row = new ClientKey();
        row.clientRowId = clientRowId;
        row.kid = key.kid();
        row.alg = key.alg();
        row.jwk = key.jwk();
        row.credentialRef = CredentialRef.of("key:" + key.kid() + ":" + UUID.randomUUID());
        row.createdAt = now;
        return row;
    }

    public Uni<NewKey> add(Caller caller, String clientId, AddKeyRequest request) {
        if (!ClientIdRule.isValid(clientId)) {
            throw ApiClientService.notFound(clientId);
        }
        ClientPublicKey key = read(request == null ? null : request.jwk(), request == null ? null : request.pem());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return insert(caller, clientId, key, now)
                .onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> exists(key.kid()))
                .invoke(() -> changed(caller, clientId));
    }

    public Uni<Void> remove(Caller caller, String clientId, String kid) {
        if (!ClientIdRule.isValid(clientId)) {
            throw ApiClientService.notFound(clientId);
        }
        return delete(caller, clientId, kid).invoke(() -> changed(caller, clientId));
    }

    @WithTransaction
    Uni<NewKey> insert(Caller caller, String clientId, ClientPublicKey key, Instant now) {
        return clients.lockByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw ApiClientService.notFound(clientId);
            }
            // a key is the client's power in the hands of whoever holds its private half
            caller.requireHoldsAllOf(client.roles, "add a key to a client");
            return keys.ofClient(client.id).chain(existing -> {
                if (existing.stream().anyMatch(k -> k.kid.equals(key.kid()))) {
                    throw exists(key.kid());
                }
                if (existing.size() >= MAX_KEYS) {
                    throw ProblemException.conflict(
                            ProblemTypes.TOO_MANY_KEYS,
                            "Two keys already",
                            "The client has two keys; remove one before adding another");
                }
                ClientKey row = row(client.id, key, now);
                client.updatedAt = now;
                LOG.infof(
                        "Key %s (%s) of API client %s added in wallet %s by %s",
                        key.kid(), key.alg(), clientId, caller.walletKey(), caller.name());
                Changes changes = Changes.of().fact("kid", key.kid()).fact("alg", key.alg());
                return keys.persist(row)
                        .call(() -> audit.record(
                                AuditEntry.by(caller, now, "key.added", Target.client(clientId), changes.json())))
                        .replaceWith(new NewKey(row.kid, row.alg, row.createdAt));
            });
        });
    }

    @WithTransaction
    Uni<Void> delete(Caller caller, String clientId, String kid) {
        return clients.lockByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw ApiClientService.notFound(clientId);
            }
            Instant now = Instant.now();
            return keys.ofClient(client.id).chain(existing -> {
                ClientKey target = existing.stream()
                        .filter(k -> k.kid.equals(kid))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound(
                                "No key '" + Shown.value(kid, 64) + "' of API client '" + clientId + "'"));
                Uni<Boolean> othersWork = existing.size() > 1
                        ? Uni.createFrom().item(true)
                        : secrets.ofClient(client.id)
                                .map(found -> found.stream().anyMatch(s -> s.isUsableAt(now)));
                return othersWork.chain(others -> {
                    if (!others) {
                        throw lastCredential();
                    }
                    client.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
                    LOG.infof(
                            "Key %s of API client %s removed in wallet %s by %s",
                            kid, clientId, caller.walletKey(), caller.name());
                    return keys.delete(target)
                            .call(() -> audit.record(AuditEntry.by(
                                    caller,
                                    now,
                                    "key.removed",
                                    Target.client(clientId),
                                    Changes.of()
                                            .fact("kid", kid)
                                            .fact("alg", target.alg)
                                            .json())));
                });
            });
        });
    }

    static ProblemException lastCredential() {
        return ProblemException.conflict(
                ProblemTypes.LAST_CREDENTIAL,
                "Last credential",
                "This is the client's only working credential; add a key or a secret first,"
                        + " or disable or delete the client");
    }

    private static ProblemException exists(String kid) {
        return ProblemException.conflict(
                ProblemTypes.KEY_EXISTS, "Key exists", "The client has this key already (kid " + kid + ")");
    }

    private void changed(Caller caller, String clientId) {
        clientChanged.fire(new ClientChanged(caller.walletKey(), clientId));
    }
}
