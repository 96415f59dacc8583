package dev.agentcron.api.schedule.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A previewed schedule: normalized, with its next occurrences. */
@Schema(name = "SchedulePreview", description = "The normalized schedule and its next occurrences (before jitter).")
public record SchedulePreviewView(
        @Schema(description = "The normalized schedule object.", implementation = ScheduleInput.class, required = true)
        JsonNode schedule,

        @Schema(
                description = "Occurrences, oldest first; fewer than asked when the schedule ends sooner.",
                required = true)
        List<Instant> nextRunTimes) {}
