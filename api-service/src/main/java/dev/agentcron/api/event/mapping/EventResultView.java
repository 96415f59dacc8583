package dev.agentcron.api.event.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a published event. */
@Schema(name = "EventResult", description = "What a published event triggered.")
public record EventResultView(
        @Schema(
                description = "The event's id (`evt_…`), the `event_id` of its runs.",
                example = "evt_01JD7XK3M4N5P6Q7R8S9T0V1W2",
                required = true)
        String eventId,

        @Schema(
                description = "Enabled subscriptions of active agents that matched, each with its recorded run"
                        + " (queued, or skipped by `overlap` or `daily_limit`).",
                example = "2",
                required = true)
        int matched,

        @Schema(
                description = "The runs recorded, one per match.",
                example = "[\"run_01JD7XK3M4N5P6Q7R8S9T0V1W2\"]",
                required = true)
        List<String> runIds) {}
