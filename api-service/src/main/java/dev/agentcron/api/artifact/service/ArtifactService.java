package dev.agentcron.api.artifact.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.artifact.mapping.ApproveArtifactRequest;
import dev.agentcron.api.artifact.mapping.ArtifactMapper;
import dev.agentcron.api.artifact.mapping.ArtifactView;
import dev.agentcron.api.artifact.mapping.CreateArtifactRequest;
import dev.agentcron.api.artifact.mapping.RejectArtifactRequest;
import dev.agentcron.api.artifact.service.ArtifactEditor.Review;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.artifact.ArtifactEntity;
import dev.agentcron.model.artifact.ArtifactRepository;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.thread.ThreadRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes artifacts: saves one through the API, deletes one, and records a human's decision on a draft. A
 * decision is one conditional update ({@code … WHERE approval_status = 'pending_review'}), so of two
 * concurrent decisions on the same draft exactly one wins; the other finds the draft decided (409).
 */
@ApplicationScoped
public class ArtifactService {

    private static final String DECIDE = "approvalStatus = :decision, reviewedBy = :reviewer, reviewedAt = :now,"
            + " reviewNote = :note, updatedAt = :now%s"
            + " where id = :id and agentId = :agent and approvalStatus = 'pending_review'";

    private final ArtifactRepository artifacts;
    private final ThreadRepository threads;
    private final AgentQueries agents;
    private final ArtifactQueries queries;

    public ArtifactService(
            ArtifactRepository artifacts, ThreadRepository threads, AgentQueries agents, ArtifactQueries queries) {
        this.artifacts = artifacts;
        this.threads = threads;
        this.agents = agents;
        this.queries = queries;
    }

    /** Saves an artifact of the agent, not linked to any run. */
    public Uni<ArtifactView> create(Caller caller, String agentIdOrSlug, CreateArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        ArtifactEntity artifact = editor.create(request);
        InvalidRequestException.throwIfAny(editor.errors());
        return createInTransaction(caller, agentIdOrSlug, artifact).map(ArtifactMapper::toView);
    }

    @WithTransaction
    Uni<ArtifactEntity> createInTransaction(Caller caller, String agentIdOrSlug, ArtifactEntity artifact) {
        return agents.find(caller, agentIdOrSlug)
                .call(agent -> requireThreadOf(agent, artifact.threadId))
                .map(agent -> owned(artifact, agent))
                .call(artifacts::persist);
    }

    private Uni<Void> requireThreadOf(AgentEntity agent, String threadId) {
        if (threadId == null) {
            return Uni.createFrom().voidItem();
        }
        return threads.count("id = ?1 and agentId = ?2", threadId, agent.id)
                .invoke(count -> {
                    if (count == 0) {
                        throw InvalidRequestException.of("thread_id", "is not a thread of this agent");
                    }
                })
                .replaceWithVoid();
    }

    /** The artifact completed with its id, owner and timestamps; a draft defaults to the agent's channels. */
    private static ArtifactEntity owned(ArtifactEntity artifact, AgentEntity agent) {
        Instant now = now();
        artifact.id = Ids.next(Ids.ARTIFACT);
        artifact.agentId = agent.id;
        artifact.workspaceId = agent.workspaceId;
        if (artifact.channels == null) {
            boolean draft = ApprovalStatus.PENDING_REVIEW.value().equals(artifact.approvalStatus);
            artifact.channels = draft && agent.channels != null ? new ArrayList<>(agent.channels) : new ArrayList<>();
        }
        artifact.createdAt = now;
        artifact.updatedAt = now;
        return artifact;
    }

    /** Deletes one artifact of the agent (one statement, no load). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String agentIdOrSlug, String artifactId) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> artifacts.delete("id = ?1 and agentId = ?2", artifactId, agent.id))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("artifact", artifactId);
                    }
                })
                .replaceWithVoid();
    }

    /** Approves a {@code pending_review} draft, with the reviewer's edited text when given. */
    public Uni<ArtifactView> approve(
            Caller caller, String agentIdOrSlug, String artifactId, ApproveArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        Review review = editor.approve(request);
        InvalidRequestException.throwIfAny(editor.errors());
        return decide(caller, agentIdOrSlug, artifactId, review).map(ArtifactMapper::toView);
    }

    /** Rejects a {@code pending_review} draft; its content stays as the agent wrote it. */
    public Uni<ArtifactView> reject(
            Caller caller, String agentIdOrSlug, String artifactId, RejectArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        Review review = editor.reject(request);
        InvalidRequestException.throwIfAny(editor.errors());
        return decide(caller, agentIdOrSlug, artifactId, review).map(ArtifactMapper::toView);
    }

    @WithTransaction
    Uni<ArtifactEntity> decide(Caller caller, String agentIdOrSlug, String artifactId, Review review) {
        return agents.find(caller, agentIdOrSlug).chain(agent -> decideFor(caller, agent, artifactId, review));
    }

    private Uni<ArtifactEntity> decideFor(Caller caller, AgentEntity agent, String artifactId, Review review) {
        return record(caller, agent, artifactId, review)
                .chain(recorded -> recorded ? queries.find(agent, artifactId) : refuse(agent, artifactId));
    }

    /** The decision, if the artifact is still waiting for one: true when this call made it. */
    private Uni<Boolean> record(Caller caller, AgentEntity agent, String artifactId, Review review) {
        Map<String, Object> params = new HashMap<>();
        params.put("decision", review.decision().value());
        params.put("reviewer", caller.keyName());
        params.put("now", now());
        params.put("note", review.note());
        params.put("id", artifactId);
        params.put("agent", agent.id);
        String edit = "";
        if (review.content() != null) {
            edit = ", content = :content";
            params.put("content", review.content());
        }
        return artifacts.update(DECIDE.formatted(edit), params).map(updated -> updated == 1);
    }

    /** Why nothing was decided: no such artifact (404), or it is not waiting for a decision (409). */
    private Uni<ArtifactEntity> refuse(AgentEntity agent, String artifactId) {
        return queries.find(agent, artifactId).invoke(artifact -> {
            throw new ConflictException(notPending(artifact));
        });
    }

    private static String notPending(ArtifactEntity artifact) {
        if (ApprovalStatus.NOT_REQUIRED.value().equals(artifact.approvalStatus)) {
            return "Artifact " + artifact.id + " does not need a review (approval_status not_required): only a"
                    + " pending_review draft can be approved or rejected";
        }
        return "Artifact " + artifact.id + " was already " + artifact.approvalStatus
                + (artifact.reviewedBy == null ? "" : " by " + artifact.reviewedBy)
                + ": a draft is approved or rejected once";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
