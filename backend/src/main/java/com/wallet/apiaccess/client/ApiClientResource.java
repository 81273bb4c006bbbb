package com.wallet.apiaccess.client;

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

@Path("/api/clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API clients")
public class ApiClientResource {

    static final String READ = "api-access:read";
    static final String CHANGE = "api-access:change";

    private final ApiClientService service;
    private final SecretRotation rotation;
    private final ClientKeys keys;
    private final SecurityIdentity identity;

    public ApiClientResource(
            ApiClientService service, SecretRotation rotation, ClientKeys keys, SecurityIdentity identity) {
        this.service = service;
        this.rotation = rotation;
        this.keys = keys;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A page of the wallet's API clients; needs api-access:read")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "Bad paging, search or sort parameters")
    public Uni<ClientPage> list(
            @Parameter(description = "Case-insensitive substring of clientId or notes") @QueryParam("q") String q,
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
                    String size,
            @Parameter(
                            description =
                                    "clientId (default), expiryDate, createdAt, lastUsedAt or status; a leading '-' sorts descending")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "Comma-separated statuses to keep: active, expiring, expired, disabled")
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Keep clients that obtained no token for this many days, or never",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "36500"))
                    @QueryParam("unusedDays")
                    String unusedDays) {
        Caller caller = caller(READ);
        return service.list(caller, q, sort, page, size, status, unusedDays);
    }

    @GET
    @Path("{clientId}")
    @Operation(summary = "One API client; needs api-access:read")
    @APIResponse(responseCode = "200", description = "The client")
    @APIResponse(responseCode = "404", description = "No such client in this wallet")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        return service.get(caller(READ), clientId);
    }

    @POST
    @Operation(summary = "Create an API client; the answer carries its secret, this once only; needs api-access:change")
    @APIResponse(
            responseCode = "201",
            description = "Created; the secret is in clientSecret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, named in errors")
    @APIResponse(responseCode = "409", description = "The clientId exists in this wallet")
    public Uni<RestResponse<CreatedClientView>> create(CreateClientRequest request, @Context UriInfo uriInfo) {
        return service.create(caller(CHANGE), request).map(created -> shownOnce(uriInfo, created.clientId(), created));
    }

    @POST
    @Path("{clientId}/secrets")
    @Operation(
            summary = "Rotate: a second secret, shown this once; the older one retires when drained or at retiresAt;"
                    + " needs api-access:change")
    @APIResponse(
            responseCode = "201",
            description = "Made; the secret is in clientSecret, or the one-time link in secretLink",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewSecret.class)))
    @APIResponse(responseCode = "400", description = "retireOldAt in the past or more than 30 days ahead")
    @APIResponse(responseCode = "404", description = "No such client in this wallet")
    @APIResponse(responseCode = "409", description = "The client has two secrets already")
    public Uni<RestResponse<NewSecret>> rotate(
            @PathParam("clientId") String clientId, RotateSecretRequest request, @Context UriInfo uriInfo) {
        return rotation.rotate(caller(CHANGE), clientId, request)
                .map(created -> shownOnce(uriInfo, created.secretId(), created));
    }

    @DELETE
    @Path("{clientId}/secrets/{secretId}")
    @Operation(
            summary = "Retire a secret now, or revoke its unopened link: its tokens are refused at once;"
                    + " needs api-access:change")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such client, or no such live secret of it")
    @APIResponse(responseCode = "409", description = "It is the client's only working secret and the client has no key")
    public Uni<RestResponse<Void>> retire(
            @PathParam("clientId") String clientId, @PathParam("secretId") String secretId) {
        return rotation.retire(caller(CHANGE), clientId, secretId).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("{clientId}/keys")
    @Operation(
            summary = "Add a public key for private_key_jwt (at most two); its kid is the RFC 7638 thumbprint;"
                    + " needs api-access:change and every role of the client")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewKey.class)))
    @APIResponse(
            responseCode = "400",
            description = "No key, both jwk and pem, a private key, or an unsupported, weak or malformed key")
    @APIResponse(responseCode = "404", description = "No such client in this wallet")
    @APIResponse(responseCode = "409", description = "The client has this key, or two keys, already")
    public Uni<RestResponse<NewKey>> addKey(
            @PathParam("clientId") String clientId, AddKeyRequest request, @Context UriInfo uriInfo) {
        return keys.add(caller(CHANGE), clientId, request)
                .map(added -> RestResponse.ResponseBuilder.<NewKey>created(uriInfo.getAbsolutePathBuilder()
                                .path(added.kid())
                                .build())
                        .entity(added)
                        .build());
    }

    @DELETE
    @Path("{clientId}/keys/{kid}")
    @Operation(
            summary = "Remove a public key: it authenticates nothing more and its tokens are refused at once;"
                    + " needs api-access:change")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such client, or no such key of it")
    @APIResponse(responseCode = "409", description = "It is the client's only working credential")
    public Uni<RestResponse<Void>> removeKey(@PathParam("clientId") String clientId, @PathParam("kid") String kid) {
        return keys.remove(caller(CHANGE), clientId, kid).map(nothing -> RestResponse.noContent());
    }

    @PUT
    @Path("{clientId}")
    @Operation(summary = "Change an API client's roles, notes, enabled and requireDpop; needs api-access:change")
    @APIResponse(responseCode = "200", description = "The client as it is now")
    @APIResponse(responseCode = "400", description = "Invalid fields, or a clientId or expiryDate that differs")
    @APIResponse(responseCode = "404", description = "No such client in this wallet")
    public Uni<ClientView> update(@PathParam("clientId") String clientId, UpdateClientRequest request) {
        return service.update(caller(CHANGE), clientId, request);
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Delete an API client: no new tokens, live tokens refused at once; needs api-access:change")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such client in this wallet")
    public Uni<RestResponse<Void>> delete(@PathParam("clientId") String clientId) {
        return service.delete(caller(CHANGE), clientId).map(nothing -> RestResponse.noContent());
    }

    /** 201 with the new resource's Location; never stored by a cache, since it carries a secret or its link. */
    private static <T> RestResponse<T> shownOnce(UriInfo uriInfo, String id, T entity) {
        URI location = uriInfo.getAbsolutePathBuilder().path(id).build();
        return RestResponse.ResponseBuilder.<T>created(location)
                .entity(entity)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Caller caller(String role) {
        return Caller.of(identity).require(role);
    }
}
