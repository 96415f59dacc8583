package dev.agentcron.api.stats.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.stats.mapping.AgentStatsView;
import dev.agentcron.api.stats.service.StatsPeriod;
import dev.agentcron.api.stats.service.StatsQueries;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Run statistics of one agent. */
@Path(Api.BASE + "/agents/{id}/stats")
@Tag(name = Api.TAG_STATS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentStatsResource {

    private final StatsQueries queries;
    private final SecurityIdentity identity;

    public AgentStatsResource(StatsQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "getAgentStats", summary = "Get an agent's run statistics", description = StatsDocs.AGENT)
    @APIResponse(responseCode = "200", description = "The agent's figures over the period.")
    public Uni<Data<AgentStatsView>> getAgentStats(
            @Parameter(in = ParameterIn.PATH, description = StatsDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(
                            description = StatsDocs.PERIOD,
                            schema =
                                    @Schema(
                                            enumeration = {"24h", "7d", "30d"},
                                            defaultValue = "7d"))
                    @QueryParam("period")
                    String period) {
        StatsPeriod window = StatsPeriod.of(period, Clock.systemUTC());
        return queries.forAgent(Caller.of(identity), id, window).map(Data::of);
    }
}
