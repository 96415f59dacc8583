package dev.agentcron.model.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agent definition: what a run sends to the model, which tools it may use, and its limits. */
@Entity
@Table(name = "agents")
public class AgentEntity {

    @Id
    public String id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "output_mode", nullable = false)
    public String outputMode = "task";

    public String role;
    public String persona;

    @Column(name = "system_prompt")
    public String systemPrompt;

    public String prompt;
    public String goals;
    public String rules;

    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "knowledge_domain")
    public String knowledgeDomain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> channels = new ArrayList<>();

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "model_fallbacks", columnDefinition = "text[]", nullable = false)
    public List<String> modelFallbacks = new ArrayList<>();

    public Double temperature;

    @Column(name = "max_output_tokens")
    public Integer maxOutputTokens;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> tools = new ArrayList<>();

    @Column(nullable = false)
    public String overlap = "skip";

    @Column(name = "outputs_per_run", nullable = false)
    public int outputsPerRun = 1;

    @Column(name = "daily_limit")
    public Integer dailyLimit;

    @Column(name = "max_turns", nullable = false)
    public int maxTurns = 50;

    @Column(name = "max_budget_usd", precision = 20, scale = 10)
    public BigDecimal maxBudgetUsd;

    @Column(name = "run_timeout_seconds", nullable = false)
    public int runTimeoutSeconds = 600;

    @Column(name = "pause_after_failures")
    public Integer pauseAfterFailures;

    @Column(nullable = false)
    public String status = "active";

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "last_run_at")
    public Instant lastRunAt;

    @Column(name = "last_run_status")
    public String lastRunStatus;

    @Column(name = "creator_key_id")
    public String creatorKeyId;

    @Column(name = "creator_name")
    public String creatorName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the agent fires on schedule, on events and by manual run. */
    public boolean isActive() {
        return "active".equals(status);
    }
}
