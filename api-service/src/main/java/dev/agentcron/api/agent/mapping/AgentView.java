package dev.agentcron.api.agent.mapping;

import dev.agentcron.api.schedule.mapping.ScheduleView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent as the API returns it. */
@Schema(
        name = "Agent",
        description = "A scheduled AI agent: what its runs send to the model, when they happen, and their limits.")
public record AgentView(
        @Schema(description = "Agent id.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(
                description = "Kebab-case identifier usable in paths instead of the id.",
                example = "daily-digest",
                nullable = true)
        String slug,

        @Schema(description = "Display name, unique in the workspace.", example = "Daily Digest", required = true)
        String name,

        @Schema(description = "What the agent does.", example = "Summarizes open tasks every morning", nullable = true)
        String description,

        @Schema(
                description = "`task`: one agent loop per run; `draft`: runs produce drafts for review.",
                enumeration = {"task", "draft"},
                example = "task",
                required = true)
        String outputMode,

        @Schema(example = "Chief of staff", nullable = true) String role,

        @Schema(example = "Concise, friendly", nullable = true)
        String persona,

        @Schema(example = "You are a helpful chief of staff.", nullable = true)
        String systemPrompt,

        @Schema(example = "Review all open tasks and create a summary.", nullable = true)
        String prompt,

        @Schema(example = "Detect failures early", nullable = true)
        String goals,

        @Schema(example = "Never auto-restart failed workflows", nullable = true)
        String rules,

        @Schema(example = "https://example.com/prices", nullable = true)
        String baseUrl,

        @Schema(example = "system-health", nullable = true) String knowledgeDomain,

        @Schema(example = "[\"acc_twitter_main\"]", required = true)
        List<String> channels,

        @Schema(required = true) ModelView model,

        @Schema(
                enumeration = {"http_get", "remember", "recall", "save_artifact", "list_recent_outputs"},
                example = "[\"http_get\", \"save_artifact\"]",
                required = true)
        List<String> tools,

        @Schema(
                description = "What a trigger does while a run is queued or running.",
                enumeration = {"skip", "buffer_one", "allow"},
                example = "skip",
                required = true)
        String overlap,

        @Schema(description = "The primary schedule, or null.", nullable = true)
        ScheduleView schedule,

        @Schema(description = "Schedules of the agent, the primary one included.", example = "1", required = true)
        long scheduleCount,

        @Schema(required = true) LimitsView limits,

        @Schema(
                description = "Only `active` agents fire.",
                enumeration = {"active", "paused", "inactive", "error"},
                example = "active",
                required = true)
        String status,

        @Schema(description = "Why the status was set (e.g. after repeated failures).", nullable = true)
        String statusReason,

        @Schema(description = "Artifacts the agent's runs created today (UTC).", example = "3", required = true)
        long outputsToday,

        @Schema(description = "Runs queued today (UTC), skipped ones excluded.", example = "1", required = true)
        long runsToday,

        @Schema(
                description =
                        "Next occurrence over all enabled schedules; null when the agent is not active or nothing is scheduled.",
                example = "2026-01-08T14:00:00.000Z",
                nullable = true)
        Instant nextRunAt,

        @Schema(description = "The next 5 occurrences over all enabled schedules of an active agent.", required = true)
        List<Instant> nextRunTimes,

        @Schema(description = "When the last run was queued.", nullable = true)
        Instant lastRunAt,

        @Schema(description = "Status of the last run.", example = "success", nullable = true)
        String lastRunStatus,

        @Schema(description = "Event subscriptions of the agent.", example = "4", required = true)
        long subscriptionCount,

        @Schema(description = "Topics of its subscriptions.", example = "[\"workflow.failed\"]", required = true)
        List<String> subTopics,

        @Schema(description = "The API key that created the agent.", nullable = true)
        CreatorView creator,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
