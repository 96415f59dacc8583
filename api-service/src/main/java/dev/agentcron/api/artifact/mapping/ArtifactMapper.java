package dev.agentcron.api.artifact.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentcron.model.artifact.ArtifactEntity;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Artifacts as the API shows them: whole (from the entity) or in a list (from a row without the content). */
public final class ArtifactMapper {

    /** The columns a list row holds: every column but {@code content}, metadata as JSON text. */
    public static final String SUMMARY_COLUMNS = "id, agent_id, run_id, thread_id, title, artifact_type, summary,"
            + " tags, metadata::text AS metadata, channels, approval_status, reviewed_by, reviewed_at, review_note,"
            + " created_at, updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactMapper() {}

    public static ArtifactView toView(ArtifactEntity artifact) {
        return new ArtifactView(
                artifact.id,
                artifact.agentId,
                artifact.runId,
                artifact.threadId,
                artifact.title,
                artifact.artifactType,
                artifact.content,
                artifact.summary,
                orEmpty(artifact.tags),
                artifact.metadata == null ? JsonNodeFactory.instance.objectNode() : artifact.metadata,
                orEmpty(artifact.channels),
                artifact.approvalStatus,
                artifact.reviewedBy,
                artifact.reviewedAt,
                artifact.reviewNote,
                artifact.createdAt,
                artifact.updatedAt);
    }

    /** A row selected with {@link #SUMMARY_COLUMNS}. */
    public static ArtifactSummaryView toSummary(Row row) {
        return new ArtifactSummaryView(
                row.getString("id"),
                row.getString("agent_id"),
                row.getString("run_id"),
                row.getString("thread_id"),
                row.getString("title"),
                row.getString("artifact_type"),
                row.getString("summary"),
                strings(row.getArrayOfStrings("tags")),
                json(row.getString("metadata")),
                strings(row.getArrayOfStrings("channels")),
                row.getString("approval_status"),
                row.getString("reviewed_by"),
                instant(row.getOffsetDateTime("reviewed_at")),
                row.getString("review_note"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored artifact metadata is not JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
