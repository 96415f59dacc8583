package dev.agentcron.worker.queue;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.worker.schedule.ScheduleTicker;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown: stop firing and taking jobs, give the runs in flight {@code shutdown-grace} to finish,
 * then hand back the rest — set them {@code queued} again (fenced by attempt, so the stopped executor's late
 * writes are rejected) and enqueue them for another worker.
 */
@ApplicationScoped
public class WorkerShutdown {

    private static final Logger LOG = Logger.getLogger(WorkerShutdown.class);
    private static final String HAND_BACK = """
            UPDATE runs SET status = 'queued', worker_id = NULL, lease_expires_at = NULL
            WHERE id = $1 AND attempt = $2 AND worker_id = $3 AND status = 'running'
            RETURNING trigger, agent_id""";

    private final ScheduleTicker ticker;
    private final JobConsumer consumer;
    private final LeaseRenewer renewer;
    private final Recoverer recoverer;
    private final CancelListener cancelListener;
    private final HeldRuns held;
    private final Pool pool;
    private final JobQueue queue;
    private final WorkerSettings settings;
    private final WorkerIdentity identity;

    public WorkerShutdown(
            ScheduleTicker ticker,
            JobConsumer consumer,
            LeaseRenewer renewer,
            Recoverer recoverer,
            CancelListener cancelListener,
            HeldRuns held,
            Pool pool,
            JobQueue queue,
            WorkerSettings settings,
            WorkerIdentity identity) {
        this.ticker = ticker;
        this.consumer = consumer;
        this.renewer = renewer;
        this.recoverer = recoverer;
        this.cancelListener = cancelListener;
        this.held = held;
        this.pool = pool;
        this.queue = queue;
        this.settings = settings;
        this.identity = identity;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        ticker.stop();
        consumer.stop();
        recoverer.stop();
        if (!held.isEmpty()) {
            LOG.infof("Stopping: waiting up to %s for %d run(s) in flight", settings.shutdownGrace(), held.size());
        }
        held.awaitEmpty(settings.shutdownGrace());
        handBack(held.all());
        renewer.stop();
        cancelListener.stop();
    }

    private void handBack(List<HeldRuns.Held> runs) {
        List<String> handedBack = new ArrayList<>();
        for (HeldRuns.Held run : runs) {
            try {
                pool.preparedQuery(HAND_BACK)
                        .execute(Tuple.of(run.runId(), run.attempt(), identity.id()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().voidItem();
                            }
                            var row = rows.iterator().next();
                            handedBack.add(run.runId());
                            boolean interactive = "manual".equals(row.getString("trigger"))
                                    || "chat".equals(row.getString("trigger"));
                            return queue.enqueue(Job.run(run.runId(), row.getString("agent_id")), interactive)
                                    .replaceWithVoid();
                        })
                        .await()
                        .atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warnf("Could not hand back run %s (its lease will expire): %s", run.runId(), e.getMessage());
            }
            run.token().cancel("shutdown");
        }
        if (!handedBack.isEmpty()) {
            LOG.infof("Handed back %d run(s) to other workers: %s", handedBack.size(), handedBack);
        }
    }
}
