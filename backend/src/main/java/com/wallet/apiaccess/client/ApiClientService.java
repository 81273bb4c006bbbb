package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.ClientRules.ClientChange;
import com.wallet.apiaccess.client.ClientRules.NewClient;
import com.wallet.apiaccess.crypto.SecretDigester;
import com.wallet.apiaccess.crypto.SecretGenerator;
import com.wallet.apiaccess.database.DatabaseFailures;
import com.wallet.apiaccess.problem.FieldError;
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
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rules of a wallet's API clients: validation, who may grant what, and the secret shown once. */
@ApplicationScoped
public class ApiClientService {

    private static final Logger LOG = Logger.getLogger(ApiClientService.class);
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private final ApiClientRepository repository;
    private final ClientListing listing;
    private final RoleCatalogue catalogue;
    private final SecretGenerator secrets;
    private final SecretDigester digester;
    private final Event<ClientChanged> clientChanged;

    public ApiClientService(
            ApiClientRepository repository,
            ClientListing listing,
            RoleCatalogue catalogue,
            SecretGenerator secrets,
            SecretDigester digester,
            Event<ClientChanged> clientChanged) {
        this.repository = repository;
        this.listing = listing;
        this.catalogue = catalogue;
        this.secrets = secrets;
        this.digester = digester;
        this.clientChanged = clientChanged;
    }

    public Uni<ClientPage> list(Caller caller, String q, String sort, String pageParam, String sizeParam) {
        List<FieldError> errors = new ArrayList<>();
        int page = integer(pageParam, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", errors);
        int size = integer(sizeParam, 1, MAX_PAGE_SIZE, "size", errors);
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        } else if (query != null && query.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("q", "must not contain control characters"));
        }
        Optional<ClientSort> order = ClientSort.parse(sort);
        if (order.isEmpty()) {
            errors.add(new FieldError("sort", ClientSort.RULE));
        }
        ProblemException.throwIfInvalid(errors);
        return listing.page(caller.walletId(), caller.walletKey(), query, order.get(), page, size);
    }

    @WithSession
    public Uni<ClientView> get(Caller caller, String clientId) {
        if (!ClientIdRule.isValid(clientId)) {
            return Uni.createFrom().failure(notFound(clientId));
        }
        return repository.findByClientId(caller.walletId(), clientId).map(client -> {
            if (client == null) {
                throw notFound(clientId);
            }
            return ClientView.of(client, caller.walletKey(), Instant.now());
        });
    }

    /** Creates the client; once committed, the token endpoint forgets what it cached of that id. */
    public Uni<CreatedClientView> create(Caller caller, CreateClientRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        NewClient valid = ClientRules.newClient(
                request, LocalDate.ofInstant(now, ZoneOffset.UTC), caller.expiryDate(), catalogue);
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
        String secret = secrets.newSecret();
        ApiClient client = new ApiClient();
        client.walletId = caller.walletId();
        client.clientId = valid.clientId();
        client.secretDigest = digester.digest(secret);
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
                    return repository.persist(client);
                })
                .onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> exists(client.clientId))
                .map(saved -> {
                    LOG.infof(
                            "API client %s created in wallet %s by %s with roles %s, expiring %s",
                            saved.clientId,
                            caller.walletKey(),
                            caller.name(),
                            RoleSet.join(valid.roles()),
                            valid.expiry());
                    return CreatedClientView.of(ClientView.of(saved, caller.walletKey(), now), secret);
                });
    }

    @WithTransaction
    Uni<ClientView> change(Caller caller, String clientId, ClientChange valid) {
        return repository.lockByClientId(caller.walletId(), clientId).map(client -> {
            if (client == null) {
                throw notFound(clientId);
            }
            ClientRules.requireUnchangedIdentity(valid, client);
            SortedSet<String> added = new TreeSet<>(valid.roles());
            added.removeAll(client.roles);
            caller.requireGrantable(added);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            client.roles = valid.roles();
            client.notes = valid.notes();
            client.updatedAt = now;
            LOG.infof("API client %s updated in wallet %s by %s", client.clientId, caller.walletKey(), caller.name());
            return ClientView.of(client, caller.walletKey(), now);
        });
    }

    @WithTransaction
    Uni<Void> remove(Caller caller, String clientId) {
        return repository.deleteByClientId(caller.walletId(), clientId).map(deleted -> {
            if (!deleted) {
                throw notFound(clientId);
            }
            LOG.infof("API client %s deleted from wallet %s by %s", clientId, caller.walletKey(), caller.name());
            return null;
        });
    }

    private static int integer(String value, int min, int max, String field, List<FieldError> errors) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return min;
    }

    private static ProblemException notFound(String clientId) {
        return ProblemException.notFound("No API client '" + Shown.value(clientId, 64) + "' in this wallet");
    }

    private static ProblemException exists(String clientId) {
        return ProblemException.conflict(
                ProblemTypes.CLIENT_EXISTS,
                "Client exists",
                "An API client '" + clientId + "' already exists in this wallet");
    }
}
