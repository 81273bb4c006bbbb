package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.crypto.PasswordHasher;
import com.wallet.apiaccess.crypto.PasswordWorker;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.ProblemException;
import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.throttle.Attempt;
import com.wallet.apiaccess.throttle.ClientAddress;
import com.wallet.apiaccess.throttle.FailureThrottle;
import com.wallet.apiaccess.user.UserRules;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform operator provisions wallets; without a configured operator token this does not exist.
 * Wrong operator tokens are throttled per source like failed sign-ins.
 */
@Path("/api/platform/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
public class PlatformResource {

    private static final Logger LOG = Logger.getLogger(PlatformResource.class);
    private static final String BEARER = "Bearer ";
    private static final String OPERATOR = "platform-operator";

    private final byte[] operatorToken;
    private final WalletProvisioning provisioning;
    private final PasswordHasher hasher;
    private final PasswordWorker worker;
    private final FailureThrottle throttle;
    private final ClientAddress addresses;

    public PlatformResource(
            ApiAccessConfig config,
            WalletProvisioning provisioning,
            PasswordHasher hasher,
            PasswordWorker worker,
            FailureThrottle throttle,
            ClientAddress addresses) {
        this.operatorToken = config.platform()
                .operatorToken()
                .filter(t -> !t.isBlank())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        this.provisioning = provisioning;
        this.hasher = hasher;
        this.worker = worker;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @POST
    @Operation(
            summary = "Provision a wallet and its first admin, who holds every role;"
                    + " needs the operator token as the bearer")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WalletView.class)))
    @APIResponse(responseCode = "400", description = "Malformed key or admin fields")
    @APIResponse(responseCode = "401", description = "Not the operator token")
    @APIResponse(responseCode = "404", description = "No operator token is configured")
    @APIResponse(responseCode = "409", description = "The key exists")
    @APIResponse(
            responseCode = "429",
            description = "Too many wrong operator tokens from this address; see Retry-After")
    public Uni<RestResponse<WalletView>> create(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CreateWalletRequest request,
            @Context HttpServerRequest http) {
        if (operatorToken == null) {
            throw ProblemException.notFound("No such resource");
        }
        String source = addresses.of(http);
        Attempt attempt = throttle.reserve(throttle.source(source), throttle.pair(source, OPERATOR));
        if (attempt.refused()) {
            throw ProblemException.tooManyRequests(
                    "Too many wrong operator tokens; try again in " + attempt.retryAfterSeconds() + " seconds",
                    attempt.retryAfterSeconds());
        }
        if (!isOperator(authorization)) {
            LOG.infof("Wrong platform operator token from %s", source);
            throw ProblemException.unauthorized(
                    "The platform operator token is required", "Bearer realm=\"api-access-platform\"");
        }
        attempt.succeeded();
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required", null);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!WalletKeyRule.isValid(request.externalKey())) {
            errors.add(new FieldError(
                    "externalKey", request.externalKey() == null ? "is required" : WalletKeyRule.MESSAGE));
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (request.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        UserRules.username(request.adminUsername(), "adminUsername", errors);
        UserRules.password(request.adminPassword(), "adminPassword", errors);
        ProblemException.throwIfInvalid(errors);
        return worker.run(() -> hasher.hash(request.adminPassword()))
                .chain(hash -> provisioning.create(
                        request.externalKey(),
                        request.name().strip(),
                        request.adminUsername(),
                        hash,
                        new Source(source, http.getHeader("User-Agent"))))
                .map(wallet -> RestResponse.status(RestResponse.Status.CREATED, WalletView.of(wallet)));
    }

    private boolean isOperator(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, operatorToken);
    }
}
