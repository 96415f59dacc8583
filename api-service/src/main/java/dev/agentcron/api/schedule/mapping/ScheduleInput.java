package dev.agentcron.api.schedule.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The schedule object clients send (documentation of the accepted shape; requests are read by the shared
 * {@code ScheduleParser}, which also accepts the string forms and seed 003's objects).
 */
@Schema(
        name = "ScheduleInput",
        description = "A schedule object: `kind` and its field: `cron`, `times` (daily), `every_minutes` (interval) or"
                + " `at` (once); `manual` has none. In a PATCH a kind field alone switches the kind. Strings are accepted wherever a schedule is: `0 9 * * *`,"
                + " `cron(0 9 ? * MON-FRI *)` (AWS), `rate(30 minutes)`, `at(2026-06-15T14:30:00)`, `manual`, and seed"
                + " 003's `{\"mode\": \"SCHEDULED\", ...}` objects, also JSON-encoded.")
public record ScheduleInput(
        @Schema(
                description = "Kind of schedule (required when creating).",
                enumeration = {"cron", "daily", "interval", "once", "manual"},
                example = "cron")
        String kind,

        @Schema(description = "5-field cron, 6-field with seconds first, or AWS `cron(...)`.", example = "0 9 * * *")
        String cron,

        @Schema(
                description = "daily: 1–24 local times HH:mm, at least 5 minutes apart.",
                example = "[\"09:00\", \"17:00\"]")
        List<String> times,

        @Schema(
                description = "interval: minutes between occurrences, 1–1440.",
                minimum = "1",
                maximum = "1440",
                example = "60")
        Integer everyMinutes,

        @Schema(description = "once: RFC 3339 instant (no offset = UTC).", example = "2026-06-15T14:30:00Z")
        String at,

        @Schema(description = "IANA time zone (default UTC).", example = "America/New_York")
        String timezone,

        @Schema(
                description = "Deterministic delay per occurrence, 0–3600 s (default 0).",
                minimum = "0",
                maximum = "3600",
                example = "0")
        Integer jitterSeconds,

        @Schema(
                description = "How late a missed occurrence may still run, in seconds (default 300).",
                minimum = "0",
                maximum = "86400",
                example = "300")
        Integer catchupWindowSeconds,

        @Schema(description = "No occurrence before this instant.", example = "2026-01-01T00:00:00Z")
        String startAt,

        @Schema(description = "No occurrence after this instant.", example = "2026-12-31T23:59:59Z")
        String endAt,

        @Schema(description = "JSON object (or string) handed to each run.", example = "{\"topic\": \"daily\"}")
        JsonNode input,

        @Schema(description = "Whether the schedule fires (default true).", example = "true")
        Boolean enabled) {}
