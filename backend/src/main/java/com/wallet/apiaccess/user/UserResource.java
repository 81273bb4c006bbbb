package com.wallet.apiaccess.user;

import com.wallet.apiaccess.role.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    static final String READ = "users:read";
    static final String CHANGE = "users:change";

    private final UserService service;
    private final SecurityIdentity identity;

    public UserResource(UserService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The wallet's console users; needs users:read")
    public Uni<List<UserView>> list() {
        return service.list(caller(READ));
    }

    @POST
    @Operation(summary = "Add a console user with roles you hold; needs users:change")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a password under 12 characters included")
    @APIResponse(responseCode = "409", description = "The username exists in this wallet")
    public Uni<RestResponse<UserView>> create(CreateUserRequest request, @Context UriInfo uriInfo) {
        return service.create(caller(CHANGE), request)
                .map(user -> RestResponse.ResponseBuilder.<UserView>created(uriInfo.getAbsolutePathBuilder()
                                .path(user.username())
                                .build())
                        .entity(user)
                        .build());
    }

    @PUT
    @Path("{username}")
    @Operation(
            summary = "Change a user's roles, and password when given (which ends that user's sessions);"
                    + " needs users:change and every role that user holds")
    @APIResponse(responseCode = "200", description = "The user as it is now")
    @APIResponse(
            responseCode = "403",
            description = "The user holds roles you do not hold, or you grant roles you do not hold")
    @APIResponse(responseCode = "404", description = "No such user in this wallet")
    @APIResponse(
            responseCode = "409",
            description = "No user would be left holding both users:change and api-access:change")
    public Uni<UserView> update(@PathParam("username") String username, UpdateUserRequest request) {
        return service.update(caller(CHANGE), username, request);
    }

    @DELETE
    @Path("{username}")
    @Operation(
            summary = "Delete a user; their sessions are refused at once; needs users:change and every role"
                    + " that user holds")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The user holds roles you do not hold")
    @APIResponse(responseCode = "404", description = "No such user in this wallet")
    @APIResponse(
            responseCode = "409",
            description = "You cannot delete yourself, nor the last user holding both"
                    + " users:change and api-access:change")
    public Uni<RestResponse<Void>> delete(@PathParam("username") String username) {
        return service.delete(caller(CHANGE), username).map(nothing -> RestResponse.noContent());
    }

    private Caller caller(String role) {
        return Caller.of(identity).require(role);
    }
}
