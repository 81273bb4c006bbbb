package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.client.ApiClientRepository;
import com.wallet.apiaccess.crypto.CredentialRef;
import com.wallet.apiaccess.problem.InvalidToken;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.throttle.ClientAddress;
import com.wallet.apiaccess.user.WalletUserRepository;
import com.wallet.apiaccess.wallet.WalletDirectory;
import com.wallet.apiaccess.wallet.WalletRef;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a verified bearer token into the caller, checking that its user or client still exists,
 * is enabled and not expired, and still has the credential the token was issued for ({@link CredentialRef}:
 * a client's secret, a user's password): one row by its unique key; and that a client's token was not
 * revoked ({@link ClientTokens}, which introspection shares); and that a DPoP-bound token comes with a
 * fresh proof by its key ({@link DpopProofs}). A token never carries more roles than its holder has now, so a removed role
 * stops working at once.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String DPOP_CHALLENGE = "DPoP algs=\"" + String.join(" ", DpopProofs.ALGORITHMS) + "\"";

    private final AccessTokenVerifier verifier;
    private final WalletDirectory wallets;
    private final ApiClientRepository clients;
    private final WalletUserRepository users;
    private final ClientAddress addresses;
    private final ClientTokens tokens;
    private final DpopProofs proofs;

    public BearerIdentityProvider(
            AccessTokenVerifier verifier,
            ClientTokens tokens,
            DpopProofs proofs,
            WalletDirectory wallets,
            ApiClientRepository clients,
            WalletUserRepository users,
            ClientAddress addresses) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.proofs = proofs;
        this.addresses = addresses;
        this.wallets = wallets;
        this.clients = clients;
        this.users = users;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        VerifiedToken token;
        try {
            token = verifier.verify(presented);
            requireItsScheme(
                    token,
                    BearerAuthenticationMechanism.DPOP_TYPE.equals(
                            request.getToken().getType()));
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        Source source = sourceOf(http);
        Uni<DpopProofs.Proof> proof = token.dpopBound()
                ? proof(token, presented, http)
                : Uni.createFrom().nullItem();
        return proof.chain(checked -> wallets.find(token.walletKey())
                        .onItem()
                        .ifNull()
                        .failWith(() -> InvalidToken.because("The token's wallet does not exist"))
                        .chain(wallet -> token.kind() == Caller.Kind.CLIENT
                                ? client(token, wallet, source, checked)
                                : user(token, wallet, source)))
                .map(BearerIdentityProvider::identity);
    }

    /** RFC 9449 §7.1-2: a DPoP-bound token only with the DPoP scheme (never as a bearer token), and only such a token with it. */
    private static void requireItsScheme(VerifiedToken token, boolean dpopScheme) {
        if (token.dpopBound() && !dpopScheme) {
            throw InvalidToken.because(
                    "The token is bound to a DPoP key: send it as Authorization: DPoP, with a DPoP proof",
                    DPOP_CHALLENGE + ", error=\"invalid_token\"");
        }
        if (!token.dpopBound() && dpopScheme) {
            throw InvalidToken.because("The token is not bound to a DPoP key: send it as Authorization: Bearer");
        }
    }

    /** The request's one DPoP proof, checked against this request and this token, by the key the token is bound to. */
    private Uni<DpopProofs.Proof> proof(VerifiedToken token, String accessToken, RoutingContext http) {
        List<String> sent = http == null ? List.of() : http.request().headers().getAll(DpopProofs.HEADER);
        if (sent.size() != 1) {
            return Uni.createFrom()
                    .failure(badProof(
                            sent.isEmpty()
                                    ? "A DPoP-bound token needs a DPoP proof in the DPoP header"
                                    : "Send one DPoP header, not several"));
        }
        HttpServerRequest request = http.request();
        return proofs.verify(sent.get(0), request.method().name(), proofs.uriOf(request.path()), accessToken)
                .onFailure(DpopProofs.Invalid.class)
                .transform(invalid -> badProof(invalid.getMessage()))
                .map(checked -> {
                    if (!checked.jkt().equals(token.jkt())) {
                        throw badProof("The DPoP proof is signed by another key than the one the token is bound to");
                    }
                    return checked;
                });
    }

    private static AuthenticationFailedException badProof(String reason) {
        return InvalidToken.because(reason, DPOP_CHALLENGE + ", error=\"invalid_dpop_proof\"");
    }

    private Uni<Caller> client(VerifiedToken token, WalletRef wallet, Source source, DpopProofs.Proof proof) {
        return tokens.requireNotRevoked(token)
                .chain(() -> clients.credential(wallet.id(), token.clientId(), token.credentialRef()))
                .call(client -> {
                    ClientTokens.requireLive(client, token, Instant.now());
                    return proof == null
                            ? Uni.createFrom().voidItem()
                            : proofs.requireFirstUse(client.clientRowId(), proof)
                                    .onFailure(DpopProofs.Invalid.class)
                                    .transform(invalid -> badProof(invalid.getMessage()));
                })
                .map(client -> new Caller(
                        wallet.id(),
                        wallet.externalKey(),
                        wallet.name(),
                        Caller.Kind.CLIENT,
                        token.subject(),
                        inForce(token.roles(), client.roles()),
                        client.expiry().lastDay(),
                        source));
    }

    private Uni<Caller> user(VerifiedToken token, WalletRef wallet, Source source) {
        return users.credential(wallet.id(), token.subject()).map(user -> {
            if (user == null) {
                throw InvalidToken.because("The session's user no longer exists");
            }
            if (!CredentialRef.of(user.passwordHash()).equals(token.credentialRef())) {
                throw InvalidToken.because("The session ended when the password changed; sign in again");
            }
            return new Caller(
                    wallet.id(),
                    wallet.externalKey(),
                    wallet.name(),
                    Caller.Kind.USER,
                    token.subject(),
                    inForce(token.roles(), user.roles()),
                    null,
                    source);
        });
    }

    private Source sourceOf(RoutingContext context) {
        if (context == null) {
            return Source.NONE;
        }
        return new Source(addresses.of(context.request()), context.request().getHeader(HttpHeaders.USER_AGENT));
    }

    static SortedSet<String> inForce(SortedSet<String> granted, SortedSet<String> held) {
        SortedSet<String> roles = new TreeSet<>(granted);
        roles.retainAll(held);
        return roles;
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name()))
                .addRoles(caller.roles())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
