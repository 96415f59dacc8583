package dev.agentcron.api.agent.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.schedule.mapping.ScheduleInput;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /agents/{id}}: only the fields present change. A nullable field set to null is
 * cleared; {@code schedule: null} removes the primary schedule; {@code model} and {@code limits} merge
 * field by field.
 */
@Schema(
        name = "UpdateAgentRequest",
        description = "Fields to change; absent fields stay. `model` and `limits` merge field by field (null returns a"
                + " field to its default); `schedule: null` removes the primary schedule, a value replaces it.")
public record UpdateAgentRequest(
        @Schema(
                description = "Kebab-case identifier, or null to remove it.",
                example = "daily-digest",
                maxLength = 64,
                pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
                nullable = true)
        Optional<String> slug,

        @Schema(
                description = "Display name, 1–100 characters.",
                example = "Daily Digest",
                minLength = 1,
                maxLength = 100)
        Optional<String> name,

        @Schema(nullable = true, example = "Summarizes open tasks every morning")
        Optional<String> description,

        @Schema(
                enumeration = {"task", "draft"},
                example = "draft")
        Optional<String> outputMode,

        @Schema(nullable = true, example = "Chief of staff") Optional<String> role,

        @Schema(nullable = true, example = "Concise, friendly")
        Optional<String> persona,

        @Schema(nullable = true, example = "You are a helpful chief of staff.")
        Optional<String> systemPrompt,

        @Schema(nullable = true, example = "Review all open tasks and create a summary.")
        Optional<String> prompt,

        @Schema(nullable = true, example = "Detect failures early")
        Optional<String> goals,

        @Schema(nullable = true, example = "Never auto-restart failed workflows")
        Optional<String> rules,

        @Schema(nullable = true, example = "https://example.com/prices")
        Optional<String> baseUrl,

        @Schema(nullable = true, example = "system-health") Optional<String> knowledgeDomain,

        @Schema(nullable = true, maxItems = 100, example = "[\"acc_twitter_main\"]")
        Optional<List<String>> channels,

        @Schema(description = "Model settings to change.", nullable = true)
        Optional<ModelPatch> model,

        @Schema(
                enumeration = {"http_get", "remember", "recall", "save_artifact", "list_recent_outputs"},
                maxItems = 5,
                nullable = true,
                example = "[\"http_get\"]")
        Optional<List<String>> tools,

        @Schema(
                enumeration = {"skip", "buffer_one", "allow"},
                example = "allow")
        Optional<String> overlap,

        @Schema(
                description = "New primary schedule (object or string), or null to remove it; its id is kept.",
                oneOf = {ScheduleInput.class, String.class},
                nullable = true,
                example = "rate(30 minutes)")
        JsonNode schedule,

        @Schema(description = "Write-only: IANA time zone for a string `schedule` in the same body.", example = "UTC")
        Optional<String> timezone,

        @Schema(description = "Write-only alias: true → `active`, false → `paused`.", example = "false")
        Optional<Boolean> enabled,

        @Schema(
                enumeration = {"active", "paused", "inactive", "error"},
                example = "paused")
        Optional<String> status,

        @Schema(description = "Limits to change.", nullable = true)
        Optional<LimitsPatch> limits) {}
