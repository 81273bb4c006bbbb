package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one-time secret link's calls, made by its page without sign-in: the link's token is the
 * credential. POST, so that the token never sits in a URL, a log or a cache.
 */
@Path("/api/handoff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secret links")
public class HandoffResource {

    private final SecretHandoff handoff;

    public HandoffResource(SecretHandoff handoff) {
        this.handoff = handoff;
    }

    @POST
    @Path("lookup")
    @Operation(summary = "What a one-time secret link is for and whether it can still be opened; changes nothing")
    @APIResponse(responseCode = "200", description = "The link's state")
    @APIResponse(responseCode = "404", description = "No such link: revoked, its secret retired, or never made")
    public Uni<RestResponse<HandoffStatus>> lookUp(HandoffRequest request) {
        ClientRules.requireBody(request);
        return handoff.lookUp(request.token()).map(HandoffResource::noStore);
    }

    @POST
    @Path("open")
    @Operation(summary = "Open a one-time secret link: makes the client's secret and answers it, this once")
    @APIResponse(responseCode = "200", description = "The secret")
    @APIResponse(responseCode = "404", description = "No such link: revoked, its secret retired, or never made")
    @APIResponse(responseCode = "410", description = "The link was used already, or expired")
    public Uni<RestResponse<OpenedHandoff>> open(HandoffRequest request) {
        ClientRules.requireBody(request);
        return handoff.open(request.token()).map(HandoffResource::noStore);
    }

    private static <T> RestResponse<T> noStore(T entity) {
        return RestResponse.ResponseBuilder.ok(entity)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
