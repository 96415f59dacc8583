package dev.agentcron.api.stats.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.stats.mapping.GlobalStatsView;
import dev.agentcron.api.stats.service.StatsPeriod;
import dev.agentcron.api.stats.service.StatsQueries;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Run statistics of the caller's whole workspace. */
@Path(Api.BASE + "/agents/stats")
@Tag(name = Api.TAG_STATS)
@Produces(MediaType.APPLICATION_JSON)
public class GlobalStatsResource {

    private final StatsQueries queries;
    private final SecurityIdentity identity;

    public GlobalStatsResource(StatsQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "getGlobalStats",
            summary = "Get the workspace's run statistics",
            description = StatsDocs.GLOBAL)
    @APIResponse(responseCode = "200", description = "The workspace's figures over the period.")
    public Uni<Data<GlobalStatsView>> getGlobalStats(
            @Parameter(
                            description = StatsDocs.PERIOD,
                            schema =
                                    @Schema(
                                            enumeration = {"24h", "7d", "30d"},
                                            defaultValue = "7d"))
                    @QueryParam("period")
                    String period) {
        StatsPeriod window = StatsPeriod.of(period, Clock.systemUTC());
        return queries.forWorkspace(Caller.of(identity), window).map(Data::of);
    }
}
