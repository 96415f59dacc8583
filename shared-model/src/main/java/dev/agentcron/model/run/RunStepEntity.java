package dev.agentcron.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One model call (every attempt, failed ones too) or one tool call of a run. */
@Entity
@Table(name = "run_steps")
public class RunStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public int seq;

    /** {@code model_call} or {@code tool_call}. */
    @Column(nullable = false)
    public String kind;

    public String model;

    @Column(name = "tool_name")
    public String toolName;

    @Column(name = "input_tokens", nullable = false)
    public long inputTokens;

    @Column(name = "output_tokens", nullable = false)
    public long outputTokens;

    @Column(name = "cost_usd", nullable = false, precision = 20, scale = 10)
    public BigDecimal costUsd = BigDecimal.ZERO;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** {@code success}, {@code error}, {@code retry}, ... */
    @Column(nullable = false)
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode error;

    /** Tool arguments and a bounded result, or model-call details. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode detail;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
}
