package com.wallet.apiaccess.client;

import com.wallet.apiaccess.audit.AuditEntry;
import com.wallet.apiaccess.audit.AuditLog;
import com.wallet.apiaccess.audit.Changes;
import com.wallet.apiaccess.audit.Target;
import com.wallet.apiaccess.client.ClientRules.ClientChange;
import com.wallet.apiaccess.client.ClientRules.NewClient;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.RoleCatalogue;
import com.wallet.apiaccess.role.RoleSet;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rules of a wallet's API clients: validation, who may grant what, and the secret shown once. */
@ApplicationScoped
public class ApiClientService {

    private static final Logger LOG = Logger.getLogger(ApiClientService.class);

    private final ApiClientRepository repository;
    private final ClientSecretRepository secrets;
    private final ClientKeyRepository keys;
    private final ClientListing listing;
    private final RoleCatalogue catalogue;
    private final SecretIssuer issuer;
    private final ClientViews views;
    private final CredentialPolicy policy;
    private final Event<ClientChanged> clientChanged;
    private final AuditLog audit;

    public ApiClientService(
            ApiClientRepository repository,
            ClientSecretRepository secrets,
            ClientKeyRepository keys,
            ClientListing listing,
            RoleCatalogue catalogue,
            SecretIssuer issuer,
            ClientViews views,
            CredentialPolicy policy,
            Event<ClientChanged> clientChanged,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.secrets = secrets;
        this.keys = keys;
        this.listing = listing;
        this.catalogue = catalogue;
        this.issuer = issuer;
        this.views = views;
        this.policy = policy;
        this.clientChanged = clientChanged;
    }

    public Uni<ClientPage> list(
            Caller caller, String q, String sort, String page, String size, String status, String unusedDays) {
        return listing.page(
                caller.walletId(), caller.walletKey(), ClientListQuery.parse(q, sort, page, size, status, unusedDays));
    }

    @WithSession
    public Uni<ClientView> get(Caller caller, String clientId) {
        if (!ClientIdRule.isValid(clientId)) {
            return Uni.createFrom().failure(notFound(clientId));
        }
        return repository.findByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw notFound(clientId);
            }
            return secrets.ofClient(client.id)
                    .chain(found -> keys.ofClient(client.id)
                            .map(keyed -> views.of(client, found, keyed, caller.walletKey(), Instant.now())));
        });
    }

    /** Creates the client; once committed, the token endpoint forgets what it cached of that id. */
    public Uni<CreatedClientView> create(Caller caller, CreateClientRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        NewClient valid =
                ClientRules.newClient(request, today, caller.expiryDate(), policy.latestExpiry(today), catalogue);
        caller.requireGrantable(valid.roles());
        return insert(caller, valid, now).invoke(created -> changed(caller, created.clientId()));
    }

    public Uni<ClientView> update(Caller caller, String clientId, UpdateClientRequest request) {
        ClientChange valid = ClientRules.change(request, catalogue);
        if (!ClientIdRule.isValid(clientId)) {
            throw notFound(clientId);
        }
        return change(caller, clientId, valid).invoke(updated -> changed(caller, clientId));
    }

    public Uni<Void> delete(Caller caller, String clientId) {
        if (!ClientIdRule.isValid(clientId)) {
            throw notFound(clientId);
        }
        return remove(caller, clientId).invoke(() -> changed(caller, clientId));
    }

    private void changed(Caller caller, String clientId) {
        clientChanged.fire(new ClientChanged(caller.walletKey(), clientId));
    }

    @WithTransaction
    Uni<CreatedClientView> insert(Caller caller, NewClient valid, Instant now) {
        ApiClient client = new ApiClient();
        client.walletId = caller.walletId();
        client.clientId = valid.clientId();
        client.enabled = valid.enabled();
        client.requireDpop = valid.requireDpop();
        client.roles = valid.roles();
        client.expiryDate = valid.expiry().lastDay();
        client.notes = valid.notes();
        client.createdAt = now;
        client.updatedAt = now;
        return repository
                .findByClientId(caller.walletId(), client.clientId)
                .chain(existing -> {
                    if (existing != null) {
                        throw exists(client.clientId);
                    }
                    return repository.persistAndFlush(client);
                })
                .onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> exists(client.clientId))
                .chain(saved -> valid.key() == null
                        ? withSecret(caller, valid, saved, now)
                        : withKey(caller, valid, saved, now));
    }

    /** What a client.created event says of any new client; its credential comes after. */
    private static Changes created(NewClient valid) {
        return Changes.of()
                .roles(List.of(), valid.roles())
                .value("notes", null, valid.notes())
                .fact("expiryDate", valid.expiry().lastDay().toString())
                .fact("enabled", valid.enabled())
                .fact("requireDpop", valid.requireDpop());
    }

    private Uni<CreatedClientView> withSecret(Caller caller, NewClient valid, ApiClient saved, Instant now) {
        SecretIssuer.Issued first = issuer.issue(saved.id, valid.delivery(), now);
        AuditEntry created = AuditEntry.by(
                caller,
                now,
                "client.created",
                Target.client(saved.clientId),
                created(valid)
                        .fact("secretId", first.row().secretId)
                        .fact("delivery", valid.delivery().name())
                        .json());
        return secrets.persist(first.row()).call(() -> audit.record(created)).map(row -> {
            logCreated(caller, valid, saved);
            ClientView view = views.of(saved, List.of(first.row()), List.of(), caller.walletKey(), now);
            return CreatedClientView.of(view, first.answer());
        });
    }

    /** A client that authenticates with private_key_jwt alone: no secret is made at all. */
    private Uni<CreatedClientView> withKey(Caller caller, NewClient valid, ApiClient saved, Instant now) {
        ClientKey key = ClientKeys.row(saved.id, valid.key(), now);
        AuditEntry created = AuditEntry.by(
                caller,
                now,
                "client.created",
                Target.client(saved.clientId),
                created(valid)
                        .fact("credential", Credential.key.name())
                        .fact("kid", key.kid)
                        .fact("alg", key.alg)
                        .json());
        return keys.persist(key).call(() -> audit.record(created)).map(row -> {
            logCreated(caller, valid, saved);
            ClientView view = views.of(saved, List.of(), List.of(key), caller.walletKey(), now);
            return CreatedClientView.of(view, null);
        });
    }

    private static void logCreated(Caller caller, NewClient valid, ApiClient saved) {
        LOG.infof(
                "API client %s created in wallet %s by %s with roles %s, expiring %s%s",
                saved.clientId,
                caller.walletKey(),
                caller.name(),
                RoleSet.join(valid.roles()),
                valid.expiry(),
                valid.key() == null ? "" : ", with key " + valid.key().kid() + " and no secret");
    }

    @WithTransaction
    Uni<ClientView> change(Caller caller, String clientId, ClientChange valid) {
        return repository.lockByClientId(caller.walletId(), clientId).chain(client -> {
            if (client == null) {
                throw notFound(clientId);
            }
            ClientRules.requireUnchangedIdentity(valid, client);
            SortedSet<String> added = new TreeSet<>(valid.roles());
            added.removeAll(client.roles);
            caller.requireGrantable(added);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<AuditEntry> events = new ArrayList<>(2);
            Changes changes =
                    Changes.of().roles(client.roles, valid.roles()).value("notes", client.notes, valid.notes());
            if (valid.requireDpop() != null) {
                changes.value("requireDpop", client.requireDpop, valid.requireDpop());
            }
            boolean toggled = valid.enabled() != null && valid.enabled() != client.enabled;
            if (!changes.isEmpty() || !toggled) {
                events.add(AuditEntry.by(caller, now, "client.updated", Target.client(clientId), changes.json()));
            }
            client.roles = valid.roles();
            client.notes = valid.notes();
            if (valid.requireDpop() != null) {
                client.requireDpop = valid.requireDpop();
            }
            if (toggled) {
                client.enabled = valid.enabled();
                events.add(AuditEntry.by(
                        caller,
                        now,
                        client.enabled ? "client.enabled" : "client.disabled",
                        Target.client(clientId),
                        null));
                LOG.infof(
                        "API client %s %s in wallet %s by %s",
                        client.clientId, client.enabled ? "enabled" : "disabled", caller.walletKey(), caller.name());
            }
            client.updatedAt = now;
            LOG.infof("API client %s updated in wallet %s by %s", client.clientId, caller.walletKey(), caller.name());
            return audit.record(events.toArray(AuditEntry[]::new))
                    .chain(() -> secrets.ofClient(client.id))
                    .chain(found -> keys.ofClient(client.id)
                            .map(keyed -> views.of(client, found, keyed, caller.walletKey(), now)));
        });
    }

    @WithTransaction
    Uni<Void> remove(Caller caller, String clientId) {
        return repository.deleteByClientId(caller.walletId(), clientId).chain(deleted -> {
            if (!deleted) {
                throw notFound(clientId);
            }
            LOG.infof("API client %s deleted from wallet %s by %s", clientId, caller.walletKey(), caller.name());
            return audit.record(AuditEntry.by(caller, Instant.now(), "client.deleted", Target.client(clientId), null));
        });
    }

    static ProblemException notFound(String clientId) {
        return ProblemException.notFound("No API client '" + Shown.value(clientId, 64) + "' in this wallet");
    }

    private static ProblemException exists(String clientId) {
        return ProblemException.conflict(
                ProblemTypes.CLIENT_EXISTS,
                "Client exists",
                "An API client '" + clientId + "' already exists in this wallet");
    }
}
