package com.wallet.apiaccess.token;

import com.wallet.apiaccess.client.ApiClient;
import com.wallet.apiaccess.database.DatabaseHeartbeat;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.RoleSet;
import com.wallet.apiaccess.security.FailureThrottle;
import com.wallet.apiaccess.security.SecretDigester;
import com.wallet.apiaccess.security.TokenFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Client Credentials grant (RFC 6749 §4.4) as a pipeline of small checks, each of which either
 * passes or answers with its own OAuth error: parse the form strictly, authenticate the client,
 * check the grant type, settle the scope, mint an RFC 9068 access token.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String DECOY_DIGEST = "sha256$47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

    private final ClientCache cache;
    private final DatabaseHeartbeat database;
    private final UsageRecorder usage;
    private final SecretDigester digester;
    private final FailureThrottle throttle;
    private final TokenFactory tokens;

    public TokenService(ClientCache cache, DatabaseHeartbeat database, UsageRecorder usage, SecretDigester digester,
                        FailureThrottle throttle, TokenFactory tokens) {
        this.cache = cache;
        this.database = database;
        this.usage = usage;
        this.digester = digester;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    public Uni<IssuedToken> issue(String contentType, String authorization, byte[] body, String source) {
        TokenForm form = parseForm(contentType, body);
        ClientCredentials credentials = ClientCredentials.from(authorization, form);
        return authenticate(credentials, source)
                .chain(client -> {
                    requireClientCredentialsGrant(form);
                    SortedSet<String> scope = grantedScope(form.get("scope"), client);
                    usage.used(client.id());
                    return mint(client, scope);
                });
    }

    /** Any charset parameter is accepted: the grant's values are ASCII, and others must be UTF-8. */
    static TokenForm parseForm(String contentType, byte[] body) {
        if (contentType == null) {
            throw OAuthError.invalidRequest("The body must be " + FORM);
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (!mediaType.equalsIgnoreCase(FORM)) {
            throw OAuthError.invalidRequest("The body must be " + FORM);
        }
        return TokenForm.parse(body);
    }

    /**
     * The client, once its secret is proven. Failures count per (source, client id) and per client id
     * (right secret included past the limit), and per source. A source past its own limit, such as one
     * guessing ever-new ids, is answered 429 for every failure and its clients are looked up from the
     * cache (the database only at a trickle), but a client from the same address that proves its secret
     * still gets its token: addresses are shared (NAT, proxies).
     */
    private Uni<ClientCache.CachedClient> authenticate(ClientCredentials credentials, String source) {
        if (!database.isUp()) {
            return Uni.createFrom().failure(OAuthError.unavailable());
        }
        String presented = credentials.clientId();
        Optional<OAuthClientId> id = presented.length() > FailureThrottle.MAX_IDENTIFIER
                ? Optional.empty() : OAuthClientId.parse(presented);
        if (id.isEmpty()) {
            return Uni.createFrom().failure(refuse(source, "an id no client can have"));
        }
        String identifier = id.get().value();
        // Checked, not reserved: a client's concurrent first requests, looked up together, must not
        // count as failures; and against the cache the check and the count happen in one go.
        if (throttle.anyAtLimit()) {
            OptionalLong guessed = throttle.waitFor(throttle.pair(source, identifier), throttle.account(identifier));
            if (guessed.isPresent()) {
                return Uni.createFrom().failure(OAuthError.throttled(guessed.getAsLong()));
            }
            OptionalLong sourceOver = throttle.waitFor(throttle.source(source));
            if (sourceOver.isPresent() && cache.cached(id.get()).isEmpty() && !throttle.allowLookup(source)) {
                return Uni.createFrom().failure(OAuthError.throttled(sourceOver.getAsLong()));
            }
        }
        return cache.find(id.get()).map(found -> {
            ClientCache.CachedClient client = found.orElse(null);
            boolean secretMatches = digester.matches(credentials.secret(),
                    client == null ? DECOY_DIGEST : client.secretDigest());
            if (client == null || !secretMatches) {
                throttle.count(throttle.pair(source, identifier));
                throttle.count(throttle.account(identifier));
                throw refuse(source, identifier);
            }
            if (ApiClient.isExpiredAt(client.expiryDate(), Instant.now())) {
                throw OAuthError.invalidClient("The client expired at the end of " + client.expiryDate()
                        + " (UTC); ask the wallet's admins for a new one");
            }
            return client;
        });
    }

    /** A failed authentication: 401, or 429 once the source is past its limit (then no longer logged one by one). */
    private OAuthError refuse(String source, String clientId) {
        FailureThrottle.Limit bySource = throttle.source(source);
        OptionalLong wait = throttle.waitFor(bySource);
        int failures = throttle.count(bySource);
        if (wait.isPresent()) {
            return OAuthError.throttled(wait.getAsLong());
        }
        if (failures == bySource.max()) {
            LOG.infof("Client authentication failed for %s from %s; that source reached its limit of %d failures"
                    + " and gets 429 for further failures in this window", clientId, source, failures);
        } else {
            LOG.infof("Client authentication failed for %s from %s", clientId, source);
        }
        return OAuthError.authenticationFailed();
    }

    private static void requireClientCredentialsGrant(TokenForm form) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!grantType.equals("client_credentials")) {
            throw OAuthError.unsupportedGrantType("Only grant_type=client_credentials is supported");
        }
    }

    /** Absent means every role of the client; present, it must be a subset of them. */
    private static SortedSet<String> grantedScope(String requested, ClientCache.CachedClient client) {
        if (requested == null) {
            return client.roles();
        }
        SortedSet<String> scope = new TreeSet<>();
        for (String role : requested.split(" ")) {
            if (role.isEmpty()) {
                continue;
            }
            if (!client.roles().contains(role)) {
                throw OAuthError.invalidScope("The client does not hold the role '" + Shown.value(role, 40) + "'");
            }
            scope.add(role);
        }
        if (scope.isEmpty()) {
            throw OAuthError.invalidScope("scope must name at least one role");
        }
        return RoleSet.withImpliedReads(scope);
    }

    private Uni<IssuedToken> mint(ClientCache.CachedClient client, SortedSet<String> scope) {
        return tokens.accessToken(client.oauthClientId().value(), client.oauthClientId().walletKey(),
                        client.credentialRef(), scope, ApiClient.endOfExpiry(client.expiryDate()))
                .map(minted -> new IssuedToken(minted.token(), minted.expiresIn(), RoleSet.join(scope)));
    }
}
