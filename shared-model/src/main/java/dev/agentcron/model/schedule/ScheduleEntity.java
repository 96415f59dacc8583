package dev.agentcron.model.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One schedule of an agent: its normalized spec, the input handed to its runs and its firing state. */
@Entity
@Table(name = "schedules")
public class ScheduleEntity {

    @Id
    public String id;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    /** The agent's inline {@code schedule}; at most one per agent. */
    @Column(name = "is_primary", nullable = false)
    public boolean primary;

    @Column(nullable = false)
    public String kind;

    /** The normalized schedule object (kind-specific fields and the common ones), as the API returns it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode spec;

    @Column(nullable = false)
    public String timezone = "UTC";

    @Column(name = "jitter_seconds", nullable = false)
    public int jitterSeconds;

    @Column(name = "catchup_window_seconds", nullable = false)
    public int catchupWindowSeconds = 300;

    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode input;

    @Column(nullable = false)
    public boolean enabled = true;

    /** The next occurrence (before jitter) as last registered; null when it never fires again. */
    @Column(name = "next_fire_at")
    public Instant nextFireAt;

    /** The last occurrence that produced a run or was dropped as missed. */
    @Column(name = "last_scheduled_for")
    public Instant lastScheduledFor;

    @Column(name = "missed_count", nullable = false)
    public long missedCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
