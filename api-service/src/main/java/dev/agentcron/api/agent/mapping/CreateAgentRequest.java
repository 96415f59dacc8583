package dev.agentcron.api.agent.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.schedule.mapping.ScheduleInput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /agents}: {@code name} and one of {@code prompt}, {@code system_prompt}, {@code goals}. */
@Schema(
        name = "CreateAgentRequest",
        description = "A new agent. `name` is required, and at least one of `prompt`, `system_prompt` and `goals`;"
                + " everything else has a default. Unknown and read-only properties are rejected.")
public record CreateAgentRequest(
        @Schema(
                description =
                        "Kebab-case identifier, unique in the workspace, usable wherever a path takes an agent id.",
                example = "daily-digest",
                maxLength = 64,
                pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")
        String slug,

        @Schema(
                description = "Display name, 1–100 characters, unique in the workspace (case-insensitive).",
                example = "Daily Digest",
                minLength = 1,
                maxLength = 100,
                required = true)
        String name,

        @Schema(description = "What the agent does.", example = "Summarizes open tasks every morning")
        String description,

        @Schema(
                description = "`task` (default): one agent loop per run; `draft`: each run produces drafts for review.",
                enumeration = {"task", "draft"},
                example = "task")
        String outputMode,

        @Schema(description = "Role for the system prompt.", example = "Chief of staff")
        String role,

        @Schema(description = "Tone and voice.", example = "Concise, friendly")
        String persona,

        @Schema(description = "Explicit system prompt.", example = "You are a helpful chief of staff.")
        String systemPrompt,

        @Schema(description = "Prompt sent on each run.", example = "Review all open tasks and create a summary.")
        String prompt,

        @Schema(description = "The agent's primary motivation.", example = "Detect failures early")
        String goals,

        @Schema(description = "Guardrails and constraints.", example = "Never auto-restart failed workflows")
        String rules,

        @Schema(
                description =
                        "Website the agent works on: http or https; literal private, loopback, link-local or metadata addresses are refused.",
                example = "https://example.com/prices")
        String baseUrl,

        @Schema(description = "Knowledge domain the agent owns.", example = "system-health")
        String knowledgeDomain,

        @Schema(
                description = "Target channels of drafts (at most 100).",
                maxItems = 100,
                example = "[\"acc_twitter_main\"]")
        List<String> channels,

        @Schema(description = "Model settings.") ModelInput model,

        @Schema(
                description = "Tools the agent may call; default none.",
                maxItems = 5,
                enumeration = {"http_get", "remember", "recall", "save_artifact", "list_recent_outputs"},
                example = "[\"http_get\", \"save_artifact\"]")
        List<String> tools,

        @Schema(
                description = "What a trigger does while a run of the agent is queued or running.",
                enumeration = {"skip", "buffer_one", "allow"},
                example = "skip")
        String overlap,

        @Schema(
                description =
                        "The primary schedule: a schedule object, or a string such as `0 9 * * *`, `cron(0 9 ? * MON-FRI *)`,"
                                + " `rate(30 minutes)`, `at(2026-06-15T14:30:00)` or `manual`; seed 003's `mode` objects too.",
                oneOf = {ScheduleInput.class, String.class},
                example = "0 9 * * *")
        JsonNode schedule,

        @Schema(
                description = "Write-only: IANA time zone applied to a string `schedule` in the same body.",
                example = "America/New_York")
        String timezone,

        @Schema(
                description = "Write-only alias (seed 002): true → status `active`, false → `paused`.",
                example = "true")
        Boolean enabled,

        @Schema(
                description = "Initial status (default `active`).",
                enumeration = {"active", "paused", "inactive", "error"},
                example = "active")
        String status,

        @Schema(description = "Limits.") LimitsInput limits,

        @Schema(description = "Seed 004: further schedules, each with its own input.")
        BehaviorsInput behaviors) {}
