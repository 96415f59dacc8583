package dev.agentcron.api.agent.rest;

import dev.agentcron.api.agent.mapping.NameCheckView;
import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Api.BASE + "/agents/check-name")
@Tag(name = Api.TAG_AGENTS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentNameResource {

    private final AgentQueries queries;
    private final SecurityIdentity identity;

    public AgentNameResource(AgentQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "checkAgentName",
            summary = "Check whether an agent name is available",
            description = AgentDocs.CHECK_NAME)
    @APIResponse(responseCode = "200", description = "Whether the name is available.")
    public Uni<Data<NameCheckView>> checkAgentName(
            @Parameter(description = "Candidate name.", required = true, example = "Daily Digest") @QueryParam("name")
                    String name,
            @Parameter(description = "Agent (id or slug) to ignore, e.g. the one being renamed.")
                    @QueryParam("ignore_id")
                    String ignoreId) {
        return queries.checkName(Caller.of(identity), name, ignoreId).map(Data::of);
    }
}
