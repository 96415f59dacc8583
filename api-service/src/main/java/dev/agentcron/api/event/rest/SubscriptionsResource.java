package dev.agentcron.api.event.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.DeletedView;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.event.mapping.CreateSubscriptionRequest;
import dev.agentcron.api.event.mapping.SubscriptionView;
import dev.agentcron.api.event.mapping.UpdateSubscriptionRequest;
import dev.agentcron.api.event.service.SubscriptionService;
import dev.agentcron.api.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An agent's event subscriptions: list, create, update, delete. */
@Path(Api.BASE + "/agents/{id}/subscriptions")
@Tag(name = Api.TAG_EVENTS)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    private final SubscriptionService service;
    private final SecurityIdentity identity;

    public SubscriptionsResource(SubscriptionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "listSubscriptions",
            summary = "List an agent's subscriptions",
            description = EventDocs.LIST)
    @APIResponse(responseCode = "200", description = "A page of subscriptions, oldest first.")
    public Uni<Page<SubscriptionView>> listSubscriptions(
            @Parameter(in = ParameterIn.PATH, description = EventDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(
                            description = "Page size, 1–200 (default 50).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    Integer limit,
            @Parameter(
                            description = "Items to skip (default 0).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                    @QueryParam("offset")
                    Integer offset) {
        Paging paging = Paging.of(limit, offset);
        return service.list(Caller.of(identity), id, paging).map(slice -> slice.toPage(s -> s, paging));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(
            operationId = "createSubscription",
            summary = "Subscribe an agent to events",
            description = EventDocs.CREATE)
    @APIResponse(responseCode = "201", description = "The new subscription.")
    public Uni<RestResponse<Data<SubscriptionView>>> createSubscription(
            @Parameter(in = ParameterIn.PATH, description = EventDocs.AGENT_ID) @PathParam("id") String id,
            CreateSubscriptionRequest request) {
        return service.create(Caller.of(identity), id, request)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @PATCH
    @Path("/{subscription_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "updateSubscription", summary = "Update a subscription", description = EventDocs.UPDATE)
    @APIResponse(responseCode = "200", description = "The updated subscription.")
    public Uni<Data<SubscriptionView>> updateSubscription(
            @Parameter(in = ParameterIn.PATH, description = EventDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = EventDocs.SUBSCRIPTION_ID) @PathParam("subscription_id")
                    String subscriptionId,
            UpdateSubscriptionRequest request) {
        return service.update(Caller.of(identity), id, subscriptionId, request).map(Data::of);
    }

    @DELETE
    @Path("/{subscription_id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription", description = EventDocs.DELETE)
    @APIResponse(responseCode = "200", description = "Deleted.")
    public Uni<Data<DeletedView>> deleteSubscription(
            @Parameter(in = ParameterIn.PATH, description = EventDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = EventDocs.SUBSCRIPTION_ID) @PathParam("subscription_id")
                    String subscriptionId) {
        return service.delete(Caller.of(identity), id, subscriptionId).replaceWith(Data.of(DeletedView.TRUE));
    }
}
