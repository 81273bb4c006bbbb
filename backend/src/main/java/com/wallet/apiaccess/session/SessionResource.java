package com.wallet.apiaccess.session;

import com.wallet.apiaccess.role.Source;
import com.wallet.apiaccess.throttle.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class SessionResource {

    private final SessionService service;
    private final ClientAddress addresses;

    public SessionResource(SessionService service, ClientAddress addresses) {
        this.service = service;
        this.addresses = addresses;
    }

    @POST
    @Operation(summary = "Sign in to a wallet's console; answers a short-lived session token")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong wallet, username or password")
    @APIResponse(responseCode = "429", description = "Too many failures from this address; see Retry-After")
    @APIResponse(responseCode = "503", description = "Too many sign-ins in progress; see Retry-After")
    public Uni<RestResponse<SessionView>> signIn(SignInRequest request, @Context HttpServerRequest http) {
        return service.signIn(request, new Source(addresses.of(http), http.getHeader("User-Agent")))
                .map(session -> RestResponse.ResponseBuilder.ok(session)
                        .header("Cache-Control", "no-store")
                        .header("Pragma", "no-cache")
                        .build());
    }
}
