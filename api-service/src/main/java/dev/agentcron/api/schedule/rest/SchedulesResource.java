package dev.agentcron.api.schedule.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.DeletedView;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.schedule.mapping.ScheduleInput;
import dev.agentcron.api.schedule.mapping.ScheduleMapper;
import dev.agentcron.api.schedule.mapping.ScheduleView;
import dev.agentcron.api.schedule.service.ScheduleService;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(Api.BASE + "/agents/{id}/schedules")
@Tag(name = Api.TAG_SCHEDULES)
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String SCHEDULE_ID = "Schedule id (`sch_…`).";

    private final ScheduleService service;
    private final SecurityIdentity identity;

    public SchedulesResource(ScheduleService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "listSchedules",
            summary = "List an agent's schedules",
            description = "Every schedule of the agent, the primary one first, each with its next 5 occurrences.")
    @APIResponse(responseCode = "200", description = "The agent's schedules.")
    public Uni<Data<List<ScheduleView>>> listSchedules(
            @Parameter(in = ParameterIn.PATH, description = AGENT_ID) @PathParam("id") String id) {
        return service.list(Caller.of(identity), id)
                .map(list -> list.stream().map(ScheduleMapper::toView).toList())
                .map(Data::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(
            operationId = "createSchedule",
            summary = "Add a schedule to an agent",
            description =
                    "Adds a further schedule with its own `input`; runs it fires carry that input. The body is a schedule object or a string (`0 9 * * *`, `rate(1 hours)`, ...).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScheduleInput.class)))
    @APIResponse(responseCode = "201", description = "The new schedule.")
    public Uni<RestResponse<Data<ScheduleView>>> createSchedule(
            @Parameter(in = ParameterIn.PATH, description = AGENT_ID) @PathParam("id") String id, JsonNode body) {
        return service.create(Caller.of(identity), id, body)
                .map(ScheduleMapper::toView)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @GET
    @Path("/{schedule_id}")
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "getSchedule",
            summary = "Get a schedule",
            description = "One schedule of the agent with its next 5 occurrences.")
    @APIResponse(responseCode = "200", description = "The schedule.")
    public Uni<Data<ScheduleView>> getSchedule(
            @Parameter(in = ParameterIn.PATH, description = AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = SCHEDULE_ID) @PathParam("schedule_id") String scheduleId) {
        return service.get(Caller.of(identity), id, scheduleId)
                .map(ScheduleMapper::toView)
                .map(Data::of);
    }

    @PATCH
    @Path("/{schedule_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(
            operationId = "updateSchedule",
            summary = "Update a schedule",
            description =
                    "The fields given replace the stored ones (a kind field such as `cron` or `times` replaces the kind); a string replaces the whole schedule. The agent is re-scheduled.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScheduleInput.class)))
    @APIResponse(responseCode = "200", description = "The updated schedule.")
    public Uni<Data<ScheduleView>> updateSchedule(
            @Parameter(in = ParameterIn.PATH, description = AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = SCHEDULE_ID) @PathParam("schedule_id") String scheduleId,
            JsonNode body) {
        return service.update(Caller.of(identity), id, scheduleId, body)
                .map(ScheduleMapper::toView)
                .map(Data::of);
    }

    @DELETE
    @Path("/{schedule_id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(
            operationId = "deleteSchedule",
            summary = "Delete a schedule",
            description =
                    "Unschedules and deletes it; deleting the primary schedule sets the agent's `schedule` to null.")
    @APIResponse(responseCode = "200", description = "Deleted.")
    public Uni<Data<DeletedView>> deleteSchedule(
            @Parameter(in = ParameterIn.PATH, description = AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = SCHEDULE_ID) @PathParam("schedule_id") String scheduleId) {
        return service.delete(Caller.of(identity), id, scheduleId).replaceWith(Data.of(DeletedView.TRUE));
    }
}
