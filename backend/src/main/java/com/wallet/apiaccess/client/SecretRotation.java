package com.wallet.apiaccess.client;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
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

/**
 * Rotation without an outage: a second secret beside the first, which keeps working until it has
 * drained ({@link SecretRetirement}) or reaches its {@code retiresAt}; and retiring a secret at once.
 * Both hold the client's row lock, so that two rotations cannot make a third secret.
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class);
    static final int MAX_SECRETS = 2;

    private final ApiClientRepository clients;
    private final ClientSecretRepository secrets;
    private final ClientKeyRepository keys;
    private final SecretIssuer issuer;
    private final Event<ClientChanged> clientChanged;
    private final AuditLog audit;

    public SecretRotation(
            ApiClientRepository clients,
            ClientSecretRepository secrets,
            ClientKeyRepository keys,
            SecretIssuer issuer,
            Event<ClientChanged> clientChanged,
            AuditLog audit) {
        this.audit = audit;
        this.clients = clients;
        this.secrets = secrets;
        this.keys = keys;
        this.issuer = issuer;
        this.clientChanged = clientChanged;
    }

    /** A new secret; the older one gets {@code retiresAt}: the one asked for, else 7 days from now. */
    public Uni<NewSecret> rotate(Caller caller, String clientId, RotateSecretRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RotateSecretRequest body = request == null ? new RotateSecretRequest(null, null) : request;
        Instant retireOldAt = retireOldAt(body.retireOldAt(), now);
        Delivery delivery = body.delivery() == null ? Delivery.secret : body.delivery();
        if (!ClientIdRule.isValid(clientId)) {
            throw ApiClientService.notFound(clientId);
        }
        return add(caller, clientId, retireOldAt, delivery, now).invoke(() -> changed(caller, clientId));
    }

    /** Retires the secret now: it authenticates nothing more and its tokens are refused. Revokes an unopened link too. */
    public Uni<Void> retire(Caller caller, String clientId, String secretId) {
        if (!ClientIdRule.isValid(clientId)) {
            throw ApiClientService.notFound(clientId);
        }
        return remove(caller, clientId, secretId).invoke(() -> changed(caller, clientId));
    }

    static Instant retireOldAt(Instant requested, Instant now) {
        if (requested == null) {
            return now.plus(CredentialPolicy.DEFAULT_RETIRE_AFTER);
        }
        if (!requested.isAfter(now)) {
            throw ProblemException.badRequest(
                    "retireOldAt must be in the future",
                    List.of(new FieldError("retireOldAt", "must be in the future (now is " + now + ")")));
        }
        if (requested.isAfter(now.plus(CredentialPolicy.MAX_RETIRE_AFTER))) {
            throw ProblemException.badRequest(
                    "retireOldAt must be at most 30 days ahead",
                    List.of(new FieldError("retireOldAt", "must be at most 30 days ahead")));
        }
        return requested.truncatedTo(ChronoUnit.MILLIS);
    }

    @WithTransaction
    Uni<NewSecret> add(Caller caller, String clientId, Instant retireOldAt, Delivery delivery, Instant now) {
        return clients.lockByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw ApiClientService.notFound(clientId);
            }
            // a new secret is the client's power in the caller's hands: only for one who holds it all
            caller.requireHoldsAllOf(client.roles, "take a new secret of a client");
            return secrets.ofClient(client.id).chain(existing -> {
                List<ClientSecret> live =
                        existing.stream().filter(s -> s.isLiveAt(now)).toList();
                if (live.size() >= MAX_SECRETS) {
                    throw ProblemException.conflict(
                            ProblemTypes.TOO_MANY_SECRETS,
                            "Two secrets already",
                            "The client has two secrets; retire one before making another");
                }
                live.forEach(old -> old.retiresAt = retireOldAt);
                SecretIssuer.Issued issued = issuer.issue(client.id, delivery, now);
                client.updatedAt = now;
                LOG.infof(
                        "Secret %s of API client %s made in wallet %s by %s%s",
                        issued.row().secretId,
                        clientId,
                        caller.walletKey(),
                        caller.name(),
                        live.isEmpty() ? "" : "; the older one retires by " + retireOldAt);
                Changes changes =
                        Changes.of().fact("secretId", issued.row().secretId).fact("delivery", delivery.name());
                if (!live.isEmpty()) {
                    changes.fact("olderRetiresAt", retireOldAt.toString());
                }
                return secrets.persist(issued.row())
                        .call(() -> audit.record(
                                AuditEntry.by(caller, now, "secret.created", Target.client(clientId), changes.json())))
                        .replaceWith(issued.answer());
            });
        });
    }

    @WithTransaction
    Uni<Void> remove(Caller caller, String clientId, String secretId) {
        return clients.lockByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw ApiClientService.notFound(clientId);
            }
            Instant now = Instant.now();
            return secrets.ofClient(client.id).chain(existing -> {
                ClientSecret target = existing.stream()
                        .filter(s -> s.secretId.equals(secretId) && s.isLiveAt(now))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound(
                                "No secret '" + Shown.value(secretId, 32) + "' of API client '" + clientId + "'"));
                List<ClientSecret> othersUsable = existing.stream()
                        .filter(s -> s != target && s.isUsableAt(now))
                        .toList();
                boolean last = target.isUsableAt(now) && othersUsable.isEmpty();
                // a client with a key may give up its secrets: it keeps a working credential all the same
                Uni<Boolean> hasKey = last
                        ? keys.ofClient(client.id).map(found -> !found.isEmpty())
                        : Uni.createFrom().item(false);
                return hasKey.chain(keyed -> {
                    if (last && !keyed) {
                        throw ProblemException.conflict(
                                ProblemTypes.LAST_SECRET,
                                "Last secret",
                                "This is the client's only working secret; rotate first, or disable or delete the client");
                    }
                    // retiring the newer secret of a rotation cancels it: the one left keeps working
                    othersUsable.forEach(s -> s.retiresAt = null);
                    client.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
                    LOG.infof(
                            "Secret %s of API client %s retired in wallet %s by %s",
                            secretId, clientId, caller.walletKey(), caller.name());
                    Changes changes = Changes.of()
                            .fact("secretId", secretId)
                            .fact("reason", target.isUsableAt(now) ? "retired" : "link revoked");
                    return secrets.delete(target)
                            .call(() -> audit.record(AuditEntry.by(
                                    caller, now, "secret.retired", Target.client(clientId), changes.json())));
                });
            });
        });
    }

    private void changed(Caller caller, String clientId) {
        clientChanged.fire(new ClientChanged(caller.walletKey(), clientId));
    }
}
