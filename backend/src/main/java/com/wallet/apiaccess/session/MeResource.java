package com.wallet.apiaccess.session;

import com.wallet.apiaccess.security.Caller;
import com.wallet.apiaccess.token.Endpoints;
import com.wallet.apiaccess.token.OAuthClientId;
import com.wallet.apiaccess.wallet.WalletView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class MeResource {

    private final SecurityIdentity identity;
    private final String tokenEndpoint;

    public MeResource(SecurityIdentity identity, Endpoints endpoints) {
        this.identity = identity;
        this.tokenEndpoint = endpoints.tokenEndpoint();
    }

    @GET
    @Operation(summary = "The caller: a user, or a client by its OAuth client id; its wallet, roles and token endpoint")
    public MeView me() {
        Caller caller = Caller.of(identity);
        return new MeView(caller.name(), new WalletView(caller.walletKey(), caller.walletName()),
                List.copyOf(caller.roles()), tokenEndpoint, OAuthClientId.prefix(caller.walletKey()));
    }
}
