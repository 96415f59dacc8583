package dev.agentcron.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published event and the answer it got, kept to deduplicate a repeated client id. */
@Entity
@Table(name = "events")
public class EventEntity {

    @Id
    public String id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    /** The client's own event id, if it gave one. */
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String topic;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode data;

    /** The first answer, returned again for a repeated client id. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public JsonNode response;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
