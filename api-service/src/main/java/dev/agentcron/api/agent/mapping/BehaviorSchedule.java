package dev.agentcron.api.agent.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One seed 004 schedule entry: a cron expression and the envelope handed to its runs. */
@Schema(name = "BehaviorSchedule", description = "A cron schedule whose runs get `envelope` as their input.")
public record BehaviorSchedule(
        @Schema(
                description = "5-field cron expression (UTC unless `timezone`).",
                example = "*/5 * * * *",
                required = true)
        String cron,

        @Schema(description = "JSON object handed to each run as `input`.", example = "{}")
        JsonNode envelope,

        @Schema(
                description = "IANA time zone of the expression (default: the body's `timezone`, else UTC).",
                example = "UTC")
        String timezone,

        @Schema(
                description = "Seed 004's workflow name; recorded in the schedule's input as `workflow_type`.",
                example = "basicEcho")
        String workflowType) {}
