package com.wallet.apiaccess.session;

import com.wallet.apiaccess.client.OAuthClientId;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.role.Caller;
import com.wallet.apiaccess.throttle.ClientAddress;
import com.wallet.apiaccess.user.ChangePasswordRequest;
import com.wallet.apiaccess.user.OwnPassword;
import com.wallet.apiaccess.wallet.WalletView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class MeResource {

    private final SecurityIdentity identity;
    private final String tokenEndpoint;
    private final OwnPassword ownPassword;
    private final ClientAddress addresses;

    public MeResource(
            SecurityIdentity identity, Endpoints endpoints, OwnPassword ownPassword, ClientAddress addresses) {
        this.identity = identity;
        this.tokenEndpoint = endpoints.tokenEndpoint();
        this.ownPassword = ownPassword;
        this.addresses = addresses;
    }

    @GET
    @Operation(summary = "The caller: a user, or a client by its OAuth client id; its wallet, roles and token endpoint")
    public MeView me() {
        Caller caller = Caller.of(identity);
        return new MeView(
                caller.name(),
                new WalletView(caller.walletKey(), caller.walletName()),
                List.copyOf(caller.roles()),
                tokenEndpoint,
                OAuthClientId.prefix(caller.walletKey()));
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password with the current one; every earlier session of yours ends")
    @APIResponse(responseCode = "204", description = "Changed; sign in again with the new password")
    @APIResponse(responseCode = "400", description = "newPassword breaks the password rule, or a field is missing")
    @APIResponse(responseCode = "403", description = "The current password is wrong, or the caller is an API client")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After")
    public Uni<RestResponse<Void>> changePassword(ChangePasswordRequest request, @Context HttpServerRequest http) {
        return ownPassword
                .change(Caller.of(identity), request, addresses.of(http))
                .map(nothing -> RestResponse.noContent());
    }
}
