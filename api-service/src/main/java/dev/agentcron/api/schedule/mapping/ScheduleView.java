package dev.agentcron.api.schedule.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A schedule as the API returns it: the normalized spec plus its upcoming occurrences. */
@Schema(name = "Schedule", description = "A normalized schedule of an agent and its next occurrences.")
public record ScheduleView(
        @Schema(description = "Schedule id.", example = "sch_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "Agent id.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String agentId,

        @Schema(
                description = "Whether this is the agent's inline (primary) `schedule`.",
                example = "true",
                required = true)
        boolean primary,

        @Schema(
                description = "Kind of schedule.",
                enumeration = {"cron", "daily", "interval", "once", "manual"},
                example = "cron",
                required = true)
        String kind,

        @Schema(
                description = "cron: 5-field expression, or 6 fields when the seconds field is not 0.",
                example = "0 9 * * *")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String cron,

        @Schema(
                description = "daily: local times HH:mm, sorted, at least 5 minutes apart (1–24).",
                example = "[\"09:00\", \"17:00\"]")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> times,

        @Schema(
                description = "interval: minutes between occurrences, 1–1440, counted from the Unix epoch.",
                minimum = "1",
                maximum = "1440",
                example = "60")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer everyMinutes,

        @Schema(description = "once: the instant it fires.", example = "2026-06-15T14:30:00.000Z")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant at,

        @Schema(description = "IANA time zone of cron and daily times.", example = "America/New_York", required = true)
        String timezone,

        @Schema(
                description = "Each occurrence is delayed by a deterministic amount in [0, jitter_seconds].",
                minimum = "0",
                maximum = "3600",
                example = "0",
                required = true)
        int jitterSeconds,

        @Schema(
                description = "How late (seconds) a missed occurrence may still run.",
                minimum = "0",
                example = "300",
                required = true)
        int catchupWindowSeconds,

        @Schema(description = "No occurrence before this instant.", nullable = true)
        Instant startAt,

        @Schema(description = "No occurrence after this instant.", nullable = true)
        Instant endAt,

        @Schema(description = "JSON object handed to each run of this schedule.", example = "{}", required = true)
        JsonNode input,

        @Schema(description = "Whether the schedule fires.", example = "true", required = true)
        boolean enabled,

        @Schema(
                description = "Next occurrence (before jitter); null when it never fires again or is disabled.",
                example = "2026-01-08T14:00:00.000Z",
                nullable = true)
        Instant nextRunAt,

        @Schema(
                description = "The next 5 occurrences (fewer when it ends sooner; empty when disabled).",
                required = true)
        List<Instant> nextRunTimes,

        @Schema(
                description = "Occurrences missed beyond the catch-up window (not run).",
                example = "0",
                required = true)
        long missedCount,

        @Schema(description = "Creation time.", required = true)
        Instant createdAt,

        @Schema(description = "Last change.", required = true)
        Instant updatedAt) {}
