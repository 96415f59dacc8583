package dev.agentcron.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One execution of an agent, whatever triggered it, with its totals and the lease that holds it. */
@Entity
@Table(name = "runs")
public class RunEntity {

    @Id
    public String id;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "schedule_id")
    public String scheduleId;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode input;

    public String output;

    @Column(name = "thread_id")
    public String threadId;

    @Column(name = "event_id")
    public String eventId;

    public String model;

    @Column(name = "input_tokens", nullable = false)
    public long inputTokens;

    @Column(name = "output_tokens", nullable = false)
    public long outputTokens;

    @Column(name = "cost_usd", nullable = false, precision = 20, scale = 10)
    public BigDecimal costUsd = BigDecimal.ZERO;

    @Column(name = "num_turns", nullable = false)
    public int numTurns;

    /** Fencing token: incremented by every claim; a late write of an older attempt is rejected. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    /** Null or {@code {"code", "message"}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode error;
}
