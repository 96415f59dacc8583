package dev.agentcron.worker.run.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.run.RunEntity;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps {@code runs} and {@code agents} rows (e.g. of {@code SELECT *} or {@code UPDATE ... RETURNING *}) to
 * their entities, for code that talks to PostgreSQL through the reactive SQL client.
 */
public final class RunRows {

    private final ObjectMapper mapper;

    public RunRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A {@code runs} row with every column. */
    public RunEntity run(Row row) {
        RunEntity run = new RunEntity();
        run.id = row.getString("id");
        run.agentId = row.getString("agent_id");
        run.workspaceId = row.getString("workspace_id");
        run.scheduleId = row.getString("schedule_id");
        run.trigger = row.getString("trigger");
        run.scheduledFor = instant(row.getOffsetDateTime("scheduled_for"));
        run.status = row.getString("status");
        run.statusReason = row.getString("status_reason");
        run.input = json(row.getValue("input"));
        run.output = row.getString("output");
        run.threadId = row.getString("thread_id");
        run.eventId = row.getString("event_id");
        run.model = row.getString("model");
        run.inputTokens = row.getLong("input_tokens");
        run.outputTokens = row.getLong("output_tokens");
        run.costUsd = decimal(row.getValue("cost_usd"));
        run.numTurns = row.getInteger("num_turns");
        run.attempt = row.getInteger("attempt");
        run.workerId = row.getString("worker_id");
        run.leaseExpiresAt = instant(row.getOffsetDateTime("lease_expires_at"));
        run.queuedAt = instant(row.getOffsetDateTime("queued_at"));
        run.startedAt = instant(row.getOffsetDateTime("started_at"));
        run.completedAt = instant(row.getOffsetDateTime("completed_at"));
        run.durationMs = row.getLong("duration_ms");
        run.error = json(row.getValue("error"));
        return run;
    }

    /** An {@code agents} row with every column. */
    public AgentEntity agent(Row row) {
        AgentEntity agent = new AgentEntity();
        agent.id = row.getString("id");
        agent.workspaceId = row.getString("workspace_id");
        agent.slug = row.getString("slug");
        agent.name = row.getString("name");
        agent.description = row.getString("description");
        agent.outputMode = row.getString("output_mode");
        agent.role = row.getString("role");
        agent.persona = row.getString("persona");
        agent.systemPrompt = row.getString("system_prompt");
        agent.prompt = row.getString("prompt");
        agent.goals = row.getString("goals");
        agent.rules = row.getString("rules");
        agent.baseUrl = row.getString("base_url");
        agent.knowledgeDomain = row.getString("knowledge_domain");
        agent.channels = strings(row.getArrayOfStrings("channels"));
        agent.modelId = row.getString("model_id");
        agent.modelFallbacks = strings(row.getArrayOfStrings("model_fallbacks"));
        agent.temperature = row.getDouble("temperature");
        agent.maxOutputTokens = row.getInteger("max_output_tokens");
        agent.tools = strings(row.getArrayOfStrings("tools"));
        agent.overlap = row.getString("overlap");
        agent.outputsPerRun = row.getInteger("outputs_per_run");
        agent.dailyLimit = row.getInteger("daily_limit");
        agent.maxTurns = row.getInteger("max_turns");
        Object budget = row.getValue("max_budget_usd");
        agent.maxBudgetUsd = budget == null ? null : decimal(budget);
        agent.runTimeoutSeconds = row.getInteger("run_timeout_seconds");
        agent.pauseAfterFailures = row.getInteger("pause_after_failures");
        agent.status = row.getString("status");
        agent.statusReason = row.getString("status_reason");
        agent.consecutiveFailures = row.getInteger("consecutive_failures");
        agent.lastRunAt = instant(row.getOffsetDateTime("last_run_at"));
        agent.lastRunStatus = row.getString("last_run_status");
        agent.creatorKeyId = row.getString("creator_key_id");
        agent.creatorName = row.getString("creator_name");
        agent.createdAt = instant(row.getOffsetDateTime("created_at"));
        agent.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        return agent;
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof io.vertx.sqlclient.data.Numeric numeric) {
            return numeric.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }

    private static List<String> strings(String[] values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(values));
    }

    private JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof io.vertx.core.json.JsonObject object) {
                return mapper.readTree(object.encode());
            }
            if (value instanceof io.vertx.core.json.JsonArray array) {
                return mapper.readTree(array.encode());
            }
            return mapper.valueToTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column", e);
        }
    }
}
