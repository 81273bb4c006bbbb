package com.wallet.apiaccess.client;

import com.wallet.apiaccess.crypto.ClientPublicKey;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.role.RoleCatalogue;
import com.wallet.apiaccess.role.RoleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A client request checked field by field before any transaction opens: every broken field is
 * named in one 400, and what passes comes out normalised.
 */
final class ClientRules {

    static final int NOTES_MAX = 1000;

    /** A client to create, valid in itself (whether the caller may grant its roles is the service's rule). */
    record NewClient(
            String clientId,
            Expiry expiry,
            String notes,
            SortedSet<String> roles,
            boolean enabled,
            boolean requireDpop,
            Delivery delivery,
            ClientPublicKey key) {}

    /**
     * A change to a client; {@code enabled} or {@code requireDpop} null leaves it as it is; {@code clientId} and {@code expiryDate}
     * are only echoes that must not differ.
     */
    record ClientChange(
            String notes,
            SortedSet<String> roles,
            Boolean enabled,
            Boolean requireDpop,
            String echoedClientId,
            LocalDate echoedExpiryDate) {}

    private ClientRules() {}

    static NewClient newClient(
            CreateClientRequest request,
            LocalDate today,
            LocalDate creatorExpiry,
            LocalDate latest,
            RoleCatalogue catalogue) {
        requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        if (request.clientId() == null || request.clientId().isEmpty()) {
            errors.add(new FieldError("clientId", "is required"));
        } else if (!ClientIdRule.isValid(request.clientId())) {
            errors.add(new FieldError("clientId", ClientIdRule.MESSAGE));
        }
        Expiry expiry = Expiry.ofNewClient(request.expiryDate(), today, creatorExpiry, latest, errors);
        String notes = notes(request.notes(), errors);
        SortedSet<String> roles = RoleSet.normalise(request.roles(), catalogue, "roles", errors);
        ClientPublicKey key = key(request, errors);
        ProblemException.throwIfInvalid(errors);
        return new NewClient(
                request.clientId(),
                expiry,
                notes,
                roles,
                request.enabled() == null || request.enabled(),
                request.requireDpop() != null && request.requireDpop(),
                request.delivery() == null ? Delivery.secret : request.delivery(),
                key);
    }

    /** The key of a client created with {@code credential: key}, else null; a key with a secret is an error. */
    private static ClientPublicKey key(CreateClientRequest request, List<FieldError> errors) {
        boolean keyGiven = request.jwk() != null || request.pem() != null;
        if (request.credential() != Credential.key) {
            if (keyGiven) {
                errors.add(new FieldError(
                        request.jwk() != null ? "jwk" : "pem",
                        "goes with credential key; a client with a secret gets keys through POST"
                                + " /api/clients/{clientId}/keys"));
            }
            return null;
        }
        if (request.delivery() != null) {
            errors.add(new FieldError("delivery", "does not apply to credential key: there is no secret to deliver"));
        }
        if (request.jwk() != null && request.pem() != null) {
            errors.add(new FieldError("pem", "must be absent when jwk is given"));
            return null;
        }
        if (!keyGiven) {
            errors.add(new FieldError("jwk", "credential key needs the public key, in jwk or in pem"));
            return null;
        }
        try {
            return request.jwk() != null
                    ? ClientPublicKey.fromJwk(request.jwk())
                    : ClientPublicKey.fromPem(request.pem());
        } catch (ClientPublicKey.Rejected e) {
            errors.add(new FieldError(request.jwk() != null ? "jwk" : "pem", e.getMessage()));
            return null;
        }
    }

    static ClientChange change(UpdateClientRequest request, RoleCatalogue catalogue) {
        requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        String notes = notes(request.notes(), errors);
        SortedSet<String> roles = RoleSet.normalise(request.roles(), catalogue, "roles", errors);
        ProblemException.throwIfInvalid(errors);
        return new ClientChange(
                notes, roles, request.enabled(), request.requireDpop(), request.clientId(), request.expiryDate());
    }

    /** The echoed immutable fields of {@code change} against the stored client: a 400 for each that differs. */
    static void requireUnchangedIdentity(ClientChange change, ApiClient client) {
        List<FieldError> errors = new ArrayList<>();
        if (change.echoedClientId() != null && !change.echoedClientId().equals(client.clientId)) {
            errors.add(new FieldError("clientId", "cannot be changed"));
        }
        if (change.echoedExpiryDate() != null && !change.echoedExpiryDate().equals(client.expiryDate)) {
            errors.add(new FieldError("expiryDate", "cannot be changed"));
        }
        ProblemException.throwIfInvalid(errors);
    }

    /** Blank notes are no notes; control characters other than tab and line breaks are refused. */
    static String notes(String notes, List<FieldError> errors) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String trimmed = notes.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)) {
            errors.add(new FieldError("notes", "must not contain control characters"));
        }
        return trimmed;
    }

    static void requireBody(Object request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required", null);
        }
    }
}
