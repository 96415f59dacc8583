package dev.agentcron.api.schedule.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /schedules/preview}. */
@Schema(
        name = "PreviewScheduleRequest",
        description = "A schedule to normalize and compute occurrences of, without saving it.")
public record PreviewScheduleRequest(
        @Schema(
                description = "The schedule: an object or a string, as on an agent.",
                oneOf = {ScheduleInput.class, String.class},
                example = "0 9 * * 1-5",
                required = true)
        JsonNode schedule,

        @Schema(description = "IANA time zone for a string schedule.", example = "Europe/Paris")
        String timezone,

        @Schema(
                description = "Occurrences at or after this instant (RFC 3339; default now).",
                example = "2026-01-07T09:00:00Z")
        String from,

        @Schema(
                description = "How many occurrences, 1–100 (default 10).",
                minimum = "1",
                maximum = "100",
                example = "10")
        Integer count) {}
