package dev.agentcron.model.memory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something an agent was told to remember; searchable by full text. */
@Entity
@Table(name = "memories")
public class MemoryEntity {

    @Id
    public String id;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String content;

    /** {@code tool} (the remember tool) or {@code chat} (the /remember command). */
    @Column(nullable = false)
    public String source = "tool";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
