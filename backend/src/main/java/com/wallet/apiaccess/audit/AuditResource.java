package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.role.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {

    private final AuditListing listing;
    private final SecurityIdentity identity;

    public AuditResource(AuditListing listing, SecurityIdentity identity) {
        this.listing = listing;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "A page of the wallet's audit log, newest first: client events need api-access:read,"
                    + " user events users:read, webhook events webhooks:read")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "Bad paging or filter parameters, named in errors")
    public Uni<AuditPage> list(
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
            @Parameter(description = "Events of this client: done to it, or by it") @QueryParam("clientId")
                    String clientId,
            @Parameter(description = "Events of this user: done to them, or by them") @QueryParam("username")
                    String username,
            @Parameter(description = "Comma-separated actions to keep, such as client.updated,client.deleted")
                    @QueryParam("action")
                    String action,
            @Parameter(description = "From this instant or UTC date on") @QueryParam("from") String from,
            @Parameter(description = "Before this instant, or through this UTC date") @QueryParam("to") String to) {
        Caller caller = Caller.of(identity);
        return listing.page(caller, AuditQuery.parse(page, size, clientId, username, action, from, to));
    }
}
