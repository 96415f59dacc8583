package dev.agentcron.api.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.run.mapping.RunView;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.run.RunAdmission;
import dev.agentcron.model.run.RunAdmission.Admission;
import dev.agentcron.model.run.RunRepository;
import dev.agentcron.model.run.RunStatus;
import io.quarkus.hibernate.reactive.panache.common.ProjectedFieldName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Starts and stops runs. A manual run is recorded in PostgreSQL first ({@link RunAdmission}: overlap and
 * daily limit decide whether it is queued, waits or is recorded as skipped), then enqueued on the
 * interactive stream; when Redis cannot take it, the worker's requeuer does later. Cancelling ends a queued
 * run at once and asks the worker holding a running one to stop ({@code cancelling}, which always ends
 * {@code cancelled}).
 */
@ApplicationScoped
public class RunService {

    /** A run id, projected. */
    public record RunId(@ProjectedFieldName("id") String id) {}

    private static final Logger LOG = Logger.getLogger(RunService.class);
    private static final String CANCEL = """
            UPDATE runs SET status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE 'cancelling' END,
                   completed_at = CASE WHEN status = 'queued' THEN now() ELSE completed_at END,
                   duration_ms = CASE WHEN status = 'queued' THEN 0 ELSE duration_ms END
            WHERE workspace_id = $1 AND %s AND status IN ('queued', 'running')
            RETURNING id, status""";
    private static final String CANCEL_RUN = CANCEL.formatted("id = $2");
    private static final String CANCEL_AGENT_RUNS = CANCEL.formatted("agent_id = $2");

    private final AgentQueries agents;
    private final RunQueries runs;
    private final RunAdmission admission;
    private final JobQueue queue;
    private final RunRepository runRepository;
    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public RunService(
            AgentQueries agents,
            RunQueries runs,
            RunAdmission admission,
            JobQueue queue,
            RunRepository runRepository,
            Pool pool,
            ReactiveRedisDataSource redis,
            RedisKeys keys) {
        this.agents = agents;
        this.runs = runs;
        this.admission = admission;
        this.queue = queue;
        this.runRepository = runRepository;
        this.pool = pool;
        this.redis = redis;
        this.keys = keys;
    }

    /** A manual run of an active agent: queued, waiting, or recorded as skipped. */
    public Uni<RunView> trigger(Caller caller, String agentIdOrSlug, JsonNode input) {
        if (input != null && !input.isNull() && !input.isObject()) {
            throw InvalidRequestException.of("input", "must be a JSON object");
        }
        return agents.find(caller, agentIdOrSlug)
                .invoke(RunService::requireActive)
                .chain(agent -> admission
                        .admit(RunAdmission.Request.manual(agent.id, input))
                        .chain(admitted -> answerThenEnqueue(caller, agentIdOrSlug, agent.id, admitted)));
    }

    /**
     * Reads the run back before it is enqueued: once it is on the stream a worker may claim it at once, and the
     * answer must still show it as admitted ({@code queued}), not as whatever it became meanwhile.
     */
    private Uni<RunView> answerThenEnqueue(Caller caller, String agentIdOrSlug, String agentId, Admission admitted) {
        return loadAdmitted(caller, agentIdOrSlug, admitted).call(() -> enqueueIfQueued(admitted, agentId));
    }

    private static void requireActive(AgentEntity agent) {
        if (!agent.isActive()) {
            throw notActive(agent.id, agent.status);
        }
    }

    private static ConflictException notActive(String agentId, String status) {
        return new ConflictException("Agent " + agentId + " is " + status
                + ": only active agents run. Resume it first (POST /agents/{id}/resume).");
    }

    private Uni<Void> enqueueIfQueued(Admission admitted, String agentId) {
        if (admitted.outcome() != RunAdmission.Outcome.QUEUED) {
            return Uni.createFrom().voidItem();
        }
        return queue.enqueue(Job.run(admitted.runId(), agentId), true)
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Run %s is queued but could not be enqueued now (it will be): %s",
                            admitted.runId(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<RunView> loadAdmitted(Caller caller, String agentIdOrSlug, Admission admitted) {
        return switch (admitted.outcome()) {
            case AGENT_GONE -> Uni.createFrom().failure(new NotFoundException("agent", agentIdOrSlug));
            case NOT_ACTIVE -> Uni.createFrom().failure(notActive(agentIdOrSlug, "not active"));
            default -> runs.find(caller, admitted.runId()).chain(runs::view);
        };
    }

    /** Cancels one run: a queued one ends {@code cancelled}, a running one becomes {@code cancelling}. */
    public Uni<RunView> cancel(Caller caller, String runId) {
        return pool.preparedQuery(CANCEL_RUN)
                .execute(Tuple.of(caller.workspaceId(), runId))
                .chain(rows -> rows.size() == 0 ? alreadyEnded(caller, runId) : announce(rows))
                .chain(() -> runs.find(caller, runId))
                .chain(runs::view);
    }

    private Uni<Void> alreadyEnded(Caller caller, String runId) {
        return runs.find(caller, runId)
                .invoke(run -> {
                    if (RunStatus.of(run.status).isTerminal()) {
                        throw new ConflictException("Run " + runId + " already ended (" + run.status + ")");
                    }
                })
                .replaceWithVoid();
    }

    /** Cancels every queued or running run of the agent; a 404 when there is none (seed 002). */
    public Uni<Integer> cancelAll(Caller caller, String agentIdOrSlug) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> pool.preparedQuery(CANCEL_AGENT_RUNS).execute(Tuple.of(caller.workspaceId(), agent.id)))
                .call(this::announce)
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("queued or running run of agent", agentIdOrSlug);
                    }
                    return rows.size();
                });
    }

    /** The agent's runs that a worker holds right now (inside the caller's session). */
    public Uni<List<String>> runningRunsOf(String agentId) {
        return runRepository
                .find("agentId = ?1 and status in ('running', 'cancelling')", agentId)
                .project(RunId.class)
                .list()
                .map(ids -> ids.stream().map(RunId::id).toList());
    }

    /** Tells the workers running a deleted agent's runs to stop: their rows are gone, their work is moot. */
    public Uni<Void> stopRunsOfDeletedAgent(List<String> runIds) {
        return publishCancellations(runIds);
    }

    /** Tells the workers holding the cancelled running runs to stop now (their lease renewal would, later). */
    private Uni<Void> announce(Iterable<Row> rows) {
        List<String> cancelling = new ArrayList<>();
        rows.forEach(row -> {
            if (RunStatus.CANCELLING.value().equals(row.getString("status"))) {
                cancelling.add(row.getString("id"));
            }
        });
        return publishCancellations(cancelling);
    }

    private Uni<Void> publishCancellations(List<String> runIds) {
        return Multi.createFrom()
                .iterable(runIds)
                .onItem()
                .transformToUniAndConcatenate(id -> redis.pubsub(String.class).publish(keys.runCancellations(), id))
                .collect()
                .last()
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Cancellation broadcast failed (workers see it at their next lease renewal): %s",
                            failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
