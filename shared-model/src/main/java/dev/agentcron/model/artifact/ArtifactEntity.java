package dev.agentcron.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An output of an agent: a report, a saved document, or a draft waiting for a human. */
@Entity
@Table(name = "artifacts")
public class ArtifactEntity {

    @Id
    public String id;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "run_id")
    public String runId;

    @Column(name = "thread_id")
    public String threadId;

    @Column(nullable = false)
    public String title;

    @Column(name = "artifact_type", nullable = false)
    public String artifactType = "html_report";

    @Column(nullable = false)
    public String content;

    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode metadata;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> channels = new ArrayList<>();

    @Column(name = "approval_status", nullable = false)
    public String approvalStatus = "not_required";

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
