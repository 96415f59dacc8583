package dev.agentcron.worker.queue;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.run.RunAdmission;
import dev.agentcron.model.run.RunEntity;
import dev.agentcron.worker.run.RunContext;
import dev.agentcron.worker.run.RunContexts;
import dev.agentcron.worker.run.RunExecutor;
import dev.agentcron.worker.run.RunResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What a worker does with a job: admit a schedule's occurrence as a run (exactly once per occurrence), claim
 * the run in PostgreSQL (a conditional update, so a second delivery is a no-op), execute it under a lease,
 * and afterwards start the agent's run that was waiting for it ({@code overlap: buffer_one}).
 */
@ApplicationScoped
public class RunDispatcher {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class);
    private static final String CLAIM = """
            UPDATE runs SET status = 'running', attempt = attempt + 1, worker_id = $2,
                   lease_expires_at = now() + make_interval(secs => $3), started_at = coalesce(started_at, now())
            WHERE id = $1 AND status = 'queued' AND status_reason IS DISTINCT FROM $4
            RETURNING *""";
    private static final String RELEASE_WAITING = """
            UPDATE runs SET status_reason = NULL
            WHERE id = (SELECT w.id FROM runs w WHERE w.agent_id = $1 AND w.status = 'queued' AND w.status_reason = $2
                          AND NOT EXISTS (SELECT 1 FROM runs a WHERE a.agent_id = $1 AND a.trigger <> 'chat'
                                          AND a.status IN ('running', 'cancelling'))
                        ORDER BY w.queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, trigger""";

    /** A run this worker claimed and must execute: its row as the claim left it. */
    public record Claimed(RunEntity run) {

        public String runId() {
            return run.id;
        }

        public String agentId() {
            return run.agentId;
        }
    }

    private final Pool pool;
    private final RunAdmission admission;
    private final RunContexts contexts;
    private final RunExecutor executor;
    private final HeldRuns held;
    private final JobQueue queue;
    private final WorkerSettings settings;
    private final WorkerIdentity identity;

    public RunDispatcher(
            Pool pool,
            RunAdmission admission,
            RunContexts contexts,
            RunExecutor executor,
            HeldRuns held,
            JobQueue queue,
            WorkerSettings settings,
            WorkerIdentity identity) {
        this.pool = pool;
        this.admission = admission;
        this.contexts = contexts;
        this.executor = executor;
        this.held = held;
        this.queue = queue;
        this.settings = settings;
        this.identity = identity;
    }

    /**
     * Turns a job into a claimed run, or null when there is nothing to execute (a skipped or duplicate
     * occurrence, a run already claimed or ended). Fails when PostgreSQL cannot be reached: the job is then
     * delivered again.
     */
    public Uni<Claimed> accept(Job job) {
        if (!job.isOccurrence()) {
            return claim(job.runId());
        }
        return admission
                .admit(RunAdmission.Request.occurrence(job.agentId(), job.scheduleId(), job.scheduledFor(), null))
                .chain(admitted -> switch (admitted.outcome()) {
                    case QUEUED -> claim(admitted.runId());
                    case DUPLICATE -> claim(admitted.runId()); // e.g. redelivered before its claim
                    default -> Uni.createFrom().nullItem();
                });
    }

    private Uni<Claimed> claim(String runId) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(
                        runId,
                        identity.id(),
                        (double) settings.lease().toSeconds(),
                        RunAdmission.WAITING_FOR_ACTIVE_RUN))
                .map(rows -> rows.size() == 0
                        ? null
                        : new Claimed(contexts.rows().run(rows.iterator().next())));
    }

    /** Executes a claimed run under its lease; never fails (failures are logged; the lease recovery ends the run). */
    public Uni<Void> execute(Claimed claimed) {
        return contexts.forClaimed(claimed.run())
                .invoke(this::hold)
                .chain(executor::execute)
                .invoke(this::logEnd)
                .onFailure()
                .invoke(failure -> LOG.errorf(failure, "Run %s could not be executed", claimed.runId()))
                .onFailure()
                .recoverWithNull()
                .eventually(() -> held.release(claimed.runId()))
                .chain(() -> startWaitingRun(claimed.agentId()))
                .replaceWithVoid();
    }

    private void hold(RunContext ctx) {
        held.hold(new HeldRuns.Held(ctx.runId(), ctx.attempt(), ctx.cancellation()));
    }

    private void logEnd(RunResult result) {
        LOG.debugf(
                "Run %s attempt %d ended %s",
                result.runId(), result.attempt(), result.status().value());
    }

    /** After a run of the agent ended: the run that waited for it (buffer_one) may start now. */
    private Uni<Void> startWaitingRun(String agentId) {
        return pool.preparedQuery(RELEASE_WAITING)
                .execute(Tuple.of(agentId, RunAdmission.WAITING_FOR_ACTIVE_RUN))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    boolean interactive = "manual".equals(row.getString("trigger"));
                    return queue.enqueue(Job.run(row.getString("id"), agentId), interactive)
                            .replaceWithVoid();
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Starting the waiting run of agent %s failed (the requeuer will): %s",
                            agentId, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
