package dev.agentcron.model.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A conversation with an agent. */
@Entity
@Table(name = "threads")
public class ThreadEntity {

    @Id
    public String id;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String title = "New Conversation";

    @Column(name = "message_count", nullable = false)
    public int messageCount;

    @Column(name = "total_tokens", nullable = false)
    public long totalTokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "archived_at")
    public Instant archivedAt;
}
