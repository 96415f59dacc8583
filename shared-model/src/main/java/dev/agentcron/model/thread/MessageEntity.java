package dev.agentcron.model.thread;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message of a thread: the user's, the assistant's (with its tool calls) or a tool result. */
@Entity
@Table(name = "messages")
public class MessageEntity {

    @Id
    public String id;

    @Column(name = "thread_id", nullable = false)
    public String threadId;

    @Column(name = "run_id")
    public String runId;

    @Column(nullable = false)
    public String role;

    public String content;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tool_calls", columnDefinition = "jsonb")
    public JsonNode toolCalls;

    @Column(name = "tool_call_id")
    public String toolCallId;

    @Column(nullable = false)
    public int tokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
