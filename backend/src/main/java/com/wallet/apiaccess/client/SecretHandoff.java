package com.wallet.apiaccess.client;

import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.problem.ProblemTypes;
import com.wallet.apiaccess.wallet.WalletRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The integrator's side of a one-time secret link. Looking at a link changes nothing; opening it makes
 * the secret, which from then on exists as a digest only, and marks the link used. The link's token
 * is held as a digest too, so a copy of the database opens nothing. 256 random bits make guessing one
 * hopeless, so the page needs no sign-in.
 */
@ApplicationScoped
public class SecretHandoff {

    private static final Logger LOG = Logger.getLogger(SecretHandoff.class);
    static final int TOKEN_MAX = 100;

    private final ClientSecretRepository secrets;
    private final ApiClientRepository clients;
    private final WalletRepository wallets;
    private final SecretIssuer issuer;
    private final Endpoints endpoints;
    private final Event<ClientChanged> clientChanged;

    public SecretHandoff(
            ClientSecretRepository secrets,
            ApiClientRepository clients,
            WalletRepository wallets,
            SecretIssuer issuer,
            Endpoints endpoints,
            Event<ClientChanged> clientChanged) {
        this.secrets = secrets;
        this.clients = clients;
        this.wallets = wallets;
        this.issuer = issuer;
        this.endpoints = endpoints;
        this.clientChanged = clientChanged;
    }

    /** What the link's page shows before it is opened. */
    @WithSession
    public Uni<HandoffStatus> lookUp(String token) {
        String digest = digestOf(token);
        return secrets.find("linkDigest", digest).firstResult().chain(secret -> {
            if (secret == null) {
                throw unknown();
            }
            return describe(secret)
                    .map(about -> new HandoffStatus(
                            stateOf(secret, Instant.now()),
                            about.oauthClientId(),
                            about.walletName(),
                            endpoints.tokenEndpoint(),
                            secret.linkExpiresAt,
                            secret.linkOpenedAt));
        });
    }

    /** Makes the secret and shows it, this once. */
    public Uni<OpenedHandoff> open(String token) {
        String digest = digestOf(token);
        return reveal(digest)
                .invoke(opened -> clientChanged.fire(opened.change()))
                .map(Revealed::answer);
    }

    record Revealed(OpenedHandoff answer, ClientChanged change) {}

    @WithTransaction
    Uni<Revealed> reveal(String digest) {
        return secrets.lockByLinkDigest(digest).chain(secret -> {
            if (secret == null) {
                throw unknown();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            switch (stateOf(secret, now)) {
                case used ->
                    throw ProblemException.gone(
                            ProblemTypes.LINK_USED,
                            "Link used",
                            "This link was opened on " + secret.linkOpenedAt
                                    + " and shows its secret only once; ask the wallet's admins for a new one");
                case expired ->
                    throw ProblemException.gone(
                            ProblemTypes.LINK_EXPIRED,
                            "Link expired",
                            "This link expired at " + secret.linkExpiresAt + "; ask the wallet's admins for a new one");
                case ready -> {
                    // opened below
                }
            }
            String clear = issuer.reveal(secret);
            secret.linkOpenedAt = now;
            return describe(secret).map(about -> {
                LOG.infof("Secret %s of API client %s handed off by its link", secret.secretId, about.oauthClientId());
                return new Revealed(
                        new OpenedHandoff(about.oauthClientId(), clear, about.walletName(), endpoints.tokenEndpoint()),
                        new ClientChanged(about.walletKey(), about.clientId()));
            });
        });
    }

    private record About(String walletKey, String walletName, String clientId, String oauthClientId) {}

    private Uni<About> describe(ClientSecret secret) {
        return clients.findById(secret.clientRowId)
                .chain(client -> wallets.findById(client.walletId)
                        .map(wallet -> new About(
                                wallet.externalKey,
                                wallet.name,
                                client.clientId,
                                OAuthClientId.prefix(wallet.externalKey) + client.clientId)));
    }

    static HandoffStatus.State stateOf(ClientSecret secret, Instant now) {
        if (secret.linkOpenedAt != null) {
            return HandoffStatus.State.used;
        }
        return secret.hasRetiredAt(now) || !secret.linkExpiresAt.isAfter(now)
                ? HandoffStatus.State.expired
                : HandoffStatus.State.ready;
    }

    private String digestOf(String token) {
        if (token == null || token.isEmpty() || token.length() > TOKEN_MAX) {
            throw unknown();
        }
        return issuer.linkDigest(token);
    }

    private static ProblemException unknown() {
        return ProblemException.notFound(
                "No such link: it was revoked, its secret retired, or it never existed; ask the wallet's admins for a new one");
    }
}
