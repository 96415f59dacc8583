package dev.agentcron.api.agent.rest;

import dev.agentcron.api.agent.mapping.AgentMapper;
import dev.agentcron.api.agent.mapping.AgentView;
import dev.agentcron.api.agent.mapping.CreateAgentRequest;
import dev.agentcron.api.agent.mapping.DeletedAgentView;
import dev.agentcron.api.agent.mapping.UpdateAgentRequest;
import dev.agentcron.api.agent.service.AgentFilter;
import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.agent.service.AgentService;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
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

@Path(Api.BASE + "/agents")
@Tag(name = Api.TAG_AGENTS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    private final AgentService service;
    private final AgentQueries queries;
    private final SecurityIdentity identity;

    public AgentsResource(AgentService service, AgentQueries queries, SecurityIdentity identity) {
        this.service = service;
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "listAgents", summary = "List agents", description = AgentDocs.LIST)
    @APIResponse(responseCode = "200", description = "A page of agents.")
    public Uni<Page<AgentView>> listAgents(
            @Parameter(description = "Name contains (case-insensitive).", example = "digest") @QueryParam("search")
                    String search,
            @Parameter(
                            description = "Status filter.",
                            schema = @Schema(enumeration = {"active", "paused", "inactive", "error"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Output mode filter.", schema = @Schema(enumeration = {"task", "draft"}))
                    @QueryParam("output_mode")
                    String outputMode,
            @Parameter(description = "Knowledge domain filter.", example = "system-health")
                    @QueryParam("knowledge_domain")
                    String knowledgeDomain,
            @Parameter(description = AgentDocs.SORT, example = "-created_at") @QueryParam("sort") String sort,
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
        AgentFilter filter = AgentFilter.of(search, status, outputMode, knowledgeDomain, sort);
        return queries.list(Caller.of(identity), filter, paging)
                .map(slice -> slice.toPage(AgentMapper::toView, paging));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(operationId = "createAgent", summary = "Create an agent", description = AgentDocs.CREATE)
    @APIResponse(responseCode = "201", description = "The new agent; its schedules are registered at once when active.")
    public Uni<RestResponse<Data<AgentView>>> createAgent(CreateAgentRequest request) {
        return service.create(Caller.of(identity), request)
                .map(AgentMapper::toView)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "getAgent", summary = "Get an agent", description = "The agent, by id or slug.")
    @APIResponse(responseCode = "200", description = "The agent.")
    public Uni<Data<AgentView>> getAgent(
            @Parameter(in = ParameterIn.PATH, description = AgentDocs.ID) @PathParam("id") String id) {
        return queries.get(Caller.of(identity), id).map(AgentMapper::toView).map(Data::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "updateAgent", summary = "Update an agent", description = AgentDocs.UPDATE)
    @APIResponse(responseCode = "200", description = "The updated agent.")
    public Uni<Data<AgentView>> updateAgent(
            @Parameter(in = ParameterIn.PATH, description = AgentDocs.ID) @PathParam("id") String id,
            UpdateAgentRequest request) {
        return service.update(Caller.of(identity), id, request)
                .map(AgentMapper::toView)
                .map(Data::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "deleteAgent", summary = "Delete an agent", description = AgentDocs.DELETE)
    @APIResponse(responseCode = "200", description = "The deleted agent's id and name.")
    public Uni<Data<DeletedAgentView>> deleteAgent(
            @Parameter(in = ParameterIn.PATH, description = AgentDocs.ID) @PathParam("id") String id) {
        return service.delete(Caller.of(identity), id).map(Data::of);
    }
}
