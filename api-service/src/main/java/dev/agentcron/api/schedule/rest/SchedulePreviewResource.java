package dev.agentcron.api.schedule.rest;

import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.schedule.mapping.PreviewScheduleRequest;
import dev.agentcron.api.schedule.mapping.SchedulePreviewView;
import dev.agentcron.api.schedule.service.ScheduleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Api.BASE + "/schedules/preview")
@Tag(name = Api.TAG_SCHEDULES)
@Produces(MediaType.APPLICATION_JSON)
public class SchedulePreviewResource {

    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 100;

    private final ScheduleService service;

    public SchedulePreviewResource(ScheduleService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "previewSchedule",
            summary = "Preview a schedule",
            description =
                    "Normalizes a schedule exactly as agent writes do (same validation errors) and lists its next"
                            + " `count` occurrences (1–100, default 10) at or after `from` (default now), before jitter. Saves nothing.")
    @APIResponse(responseCode = "200", description = "The normalized schedule and its occurrences.")
    public Data<SchedulePreviewView> previewSchedule(PreviewScheduleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.schedule() == null || request.schedule().isNull()) {
            errors.add(new FieldError("schedule", "is required"));
        }
        int count = request == null || request.count() == null ? DEFAULT_COUNT : request.count();
        if (count < 1 || count > MAX_COUNT) {
            errors.add(new FieldError("count", "must be between 1 and " + MAX_COUNT));
        }
        Instant from = request == null ? Instant.now() : from(request.from(), errors);
        InvalidRequestException.throwIfAny(errors);
        ScheduleService.Preview preview = service.preview(request.schedule(), request.timezone(), from, count);
        return Data.of(new SchedulePreviewView(preview.schedule(), preview.nextRunTimes()));
    }

    private static Instant from(String value, List<FieldError> errors) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                errors.add(new FieldError("from", "must be an RFC 3339 date-time such as 2026-01-07T09:00:00Z"));
                return null;
            }
        }
    }
}
