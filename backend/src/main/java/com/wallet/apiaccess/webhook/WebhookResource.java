package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.role.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    static final String READ = "webhooks:read";
    static final String CHANGE = "webhooks:change";

    private final WebhookService service;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The wallet's webhook endpoints, without their secrets; needs webhooks:read")
    @APIResponse(responseCode = "200", description = "The endpoints, oldest first")
    public Uni<List<WebhookView>> list() {
        return service.list(caller(READ));
    }

    @POST
    @Operation(
            summary = "Add an endpoint; the answer carries its signing secret, this once only; needs webhooks:change")
    @APIResponse(
            responseCode = "201",
            description = "Created; the signing secret is in secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedWebhookView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, named in errors: a url not allowed, an unknown event")
    public Uni<RestResponse<CreatedWebhookView>> create(CreateWebhookRequest request, @Context UriInfo uriInfo) {
        return service.create(caller(CHANGE), request).map(created -> {
            URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
            return RestResponse.ResponseBuilder.<CreatedWebhookView>created(location)
                    .entity(created)
                    .header("Cache-Control", "no-store")
                    .build();
        });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an endpoint's url, events and enabled; needs webhooks:change")
    @APIResponse(responseCode = "200", description = "The endpoint as it is now")
    @APIResponse(responseCode = "400", description = "Invalid fields, named in errors")
    @APIResponse(responseCode = "404", description = "No such endpoint in this wallet")
    public Uni<WebhookView> update(@PathParam("id") String id, UpdateWebhookRequest request) {
        return service.update(caller(CHANGE), id, request);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an endpoint and its pending deliveries; needs webhooks:change")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such endpoint in this wallet")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(caller(CHANGE), id).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send the endpoint a webhook.test event (to it alone); needs webhooks:change")
    @APIResponse(responseCode = "202", description = "Queued; its delivery shows in the endpoint's deliveries")
    @APIResponse(responseCode = "404", description = "No such endpoint in this wallet")
    public Uni<RestResponse<Void>> test(@PathParam("id") String id) {
        return service.test(caller(CHANGE), id).map(nothing -> RestResponse.accepted());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "A page of the endpoint's deliveries, newest first; needs webhooks:read")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    @APIResponse(responseCode = "404", description = "No such endpoint in this wallet")
    public Uni<DeliveryPage> deliveries(
            @PathParam("id") String id,
            @Parameter(description = "Page number from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                    @QueryParam("page")
                    @DefaultValue("0")
                    String page,
            @Parameter(
                            description = "Page size, 1 to 100",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("size")
                    @DefaultValue("20")
                    String size) {
        return service.deliveries(caller(READ), id, page, size);
    }

    private Caller caller(String role) {
        return Caller.of(identity).require(role);
    }
}
