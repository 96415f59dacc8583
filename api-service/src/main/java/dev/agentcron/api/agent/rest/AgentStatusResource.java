package dev.agentcron.api.agent.rest;

import dev.agentcron.api.agent.mapping.AgentMapper;
import dev.agentcron.api.agent.mapping.AgentView;
import dev.agentcron.api.agent.service.AgentService;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Api.BASE + "/agents/{id}")
@Tag(name = Api.TAG_AGENTS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.AGENTS_WRITE)
public class AgentStatusResource {

    private final AgentService service;
    private final SecurityIdentity identity;

    public AgentStatusResource(AgentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/pause")
    @Operation(
            operationId = "pauseAgent",
            summary = "Pause an agent",
            description = "Sets status `paused`: the agent no longer fires on schedule, on events or by manual run.")
    @APIResponse(responseCode = "200", description = "The paused agent.")
    public Uni<Data<AgentView>> pauseAgent(
            @Parameter(in = ParameterIn.PATH, description = AgentDocs.ID) @PathParam("id") String id) {
        return service.pause(Caller.of(identity), id).map(AgentMapper::toView).map(Data::of);
    }

    @POST
    @Path("/resume")
    @Operation(
            operationId = "resumeAgent",
            summary = "Resume an agent",
            description =
                    "Sets status `active` (from `paused`, `inactive` or `error`; for `error` the status reason"
                            + " and the consecutive failure count are cleared). Its schedules fire again from their next occurrence.")
    @APIResponse(responseCode = "200", description = "The active agent.")
    public Uni<Data<AgentView>> resumeAgent(
            @Parameter(in = ParameterIn.PATH, description = AgentDocs.ID) @PathParam("id") String id) {
        return service.resume(Caller.of(identity), id).map(AgentMapper::toView).map(Data::of);
    }
}
