package dev.agentcron.worker.run.store;

import dev.agentcron.model.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Artifacts a run creates (fenced by its attempt) and the agent's recent outputs. */
@ApplicationScoped
public class ArtifactStore {

    private static final String INSERT = "INSERT INTO artifacts (id, agent_id, workspace_id, run_id, title,"
            + " artifact_type, content, summary, tags, metadata, channels, approval_status)"
            + " SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text[],"
            + " '{}'::jsonb, $10::text[], $11::text"
            + " WHERE EXISTS (SELECT 1 FROM runs WHERE id = $4::text AND attempt = $12::int"
            + " AND status IN ('running', 'cancelling'))";

    private static final String RECENT = "SELECT id, title, artifact_type, summary, left(content, $3) AS excerpt,"
            + " created_at FROM artifacts WHERE agent_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";

    /**
     * An artifact to create.
     *
     * @param agentId its agent
     * @param workspaceId the agent's workspace
     * @param title title
     * @param artifactType e.g. {@code post_draft}, {@code html_report}
     * @param content content
     * @param summary optional summary
     * @param tags tags
     * @param channels the agent's channels (drafts)
     * @param approvalStatus {@code pending_review} for drafts, {@code not_required} otherwise
     */
    public record NewArtifact(
            String agentId,
            String workspaceId,
            String title,
            String artifactType,
            String content,
            String summary,
            List<String> tags,
            List<String> channels,
            String approvalStatus) {}

    /**
     * An artifact as recent-output context.
     *
     * @param id id
     * @param title title
     * @param artifactType type
     * @param summary summary or null
     * @param excerpt the start of its content
     * @param createdAt when it was created
     */
    public record RecentArtifact(
            String id, String title, String artifactType, String summary, String excerpt, Instant createdAt) {}

    private final Pool pool;

    public ArtifactStore(Pool pool) {
        this.pool = pool;
    }

    /** Creates the artifact linked to the run; empty when the run's attempt no longer holds it. */
    public Uni<Optional<String>> create(String runId, int attempt, NewArtifact artifact) {
        String id = Ids.next(Ids.ARTIFACT);
        Tuple params = Tuple.tuple(Arrays.asList(
                id,
                artifact.agentId(),
                artifact.workspaceId(),
                runId,
                artifact.title(),
                artifact.artifactType(),
                artifact.content(),
                artifact.summary(),
                artifact.tags().toArray(String[]::new),
                artifact.channels().toArray(String[]::new),
                artifact.approvalStatus(),
                attempt));
        return pool.preparedQuery(INSERT)
                .execute(params)
                .map(rs -> rs.rowCount() == 1 ? Optional.of(id) : Optional.<String>empty());
    }

    /** The agent's newest artifacts, newest first, each with the first {@code excerptChars} of its content. */
    public Uni<List<RecentArtifact>> recent(String agentId, int limit, int excerptChars) {
        return pool.preparedQuery(RECENT)
                .execute(Tuple.of(agentId, limit, excerptChars))
                .map(rows -> {
                    List<RecentArtifact> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(new RecentArtifact(
                                row.getString("id"),
                                row.getString("title"),
                                row.getString("artifact_type"),
                                row.getString("summary"),
                                row.getString("excerpt"),
                                RunRows.instant(row.getOffsetDateTime("created_at"))));
                    }
                    return out;
                });
    }
}
