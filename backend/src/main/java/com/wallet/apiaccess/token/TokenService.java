package com.wallet.apiaccess.token;

import com.wallet.apiaccess.client.ApiClient;
import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.database.DatabaseHeartbeat;
import com.wallet.apiaccess.keys.ClaimsJson;
import com.wallet.apiaccess.keys.CryptoProvider;
import com.wallet.apiaccess.keys.TokenSigner;
import com.wallet.apiaccess.problem.Shown;
import com.wallet.apiaccess.role.RoleSet;
import com.wallet.apiaccess.security.CryptoWorker;
import com.wallet.apiaccess.security.FailureThrottle;
import com.wallet.apiaccess.security.SecretDigester;
import com.wallet.apiaccess.security.TokenClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

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

    private final ApiAccessConfig config;
    private final ClientCache cache;
    private final DatabaseHeartbeat database;
    private final UsageRecorder usage;
    private final CryptoProvider crypto;
    private final SecretDigester digester;
    private final FailureThrottle throttle;
    private final TokenSigner signer;
    private final CryptoWorker worker;
    private final String issuer;
    private final String audience;

    public TokenService(ApiAccessConfig config, ClientCache cache, DatabaseHeartbeat database,
                        UsageRecorder usage, CryptoProvider crypto,
                        SecretDigester digester,
                        FailureThrottle throttle, TokenSigner signer, CryptoWorker worker,
                        Endpoints endpoints) {
        this.config = config;
        this.cache = cache;
        this.database = database;
        this.usage = usage;
        this.crypto = crypto;
        this.digester = digester;
        this.throttle = throttle;
        this.signer = signer;
        this.worker = worker;
        this.issuer = endpoints.issuer();
        this.audience = config.token().audience();
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

    private Uni<ClientCache.CachedClient> authenticate(ClientCredentials credentials, String source) {
        if (!database.isUp()) {
            return Uni.createFrom().failure(OAuthError.unavailable());
        }
        String identifier = credentials.clientId();
        OptionalLong wait = throttle.retryAfter(source, identifier);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(OAuthError.throttled(wait.getAsLong()));
        }
        Optional<OAuthClientId> id = OAuthClientId.parse(credentials.clientId());
        Uni<Optional<ClientCache.CachedClient>> lookup = id.isEmpty()
                ? Uni.createFrom().item(Optional.empty()) : cache.find(id.get());
        return lookup.map(found -> {
            ClientCache.CachedClient client = found.orElse(null);
            boolean secretMatches = digester.matches(credentials.secret(),
                    client == null ? DECOY_DIGEST : client.secretDigest());
            if (client == null || !secretMatches) {
                throttle.recordFailure(source, identifier);
                LOG.debugf("Client authentication failed from %s", source);
                throw OAuthError.authenticationFailed();
            }
            if (ApiClient.isExpiredAt(client.expiryDate(), Instant.now())) {
                throw OAuthError.invalidClient("The client expired at the end of " + client.expiryDate()
                        + " (UTC); ask the wallet's admins for a new one");
            }
            return client;
        });
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
        long issuedAt = Instant.now().getEpochSecond();
        long expiresAt = Math.min(issuedAt + config.token().lifetime().toSeconds(),
                ApiClient.endOfExpiry(client.expiryDate()).getEpochSecond());
        String oauthClientId = client.oauthClientId().value();
        String scopeValue = RoleSet.join(scope);
        ClaimsJson claims = new ClaimsJson()
                .string("iss", issuer)
                .string("sub", oauthClientId)
                .string("aud", audience)
                .number("iat", issuedAt)
                .number("exp", expiresAt)
                .string("jti", UUID.randomUUID().toString())
                .string(TokenClaims.CLIENT_ID, oauthClientId)
                .string(TokenClaims.CREDENTIAL_REF, client.credentialRef())
                .string(TokenClaims.SCOPE, scopeValue)
                .strings(TokenClaims.GROUPS, scope)
                .string(TokenClaims.WALLET, client.oauthClientId().walletKey());
        Supplier<String> signed = () -> signer.sign(claims, TokenClaims.ACCESS_TOKEN_TYPE);
        Uni<String> token = crypto.signsInline() ? Uni.createFrom().item(signed) : worker.run(signed);
        return token.map(jwt -> new IssuedToken(jwt, expiresAt - issuedAt, scopeValue));
    }
}
