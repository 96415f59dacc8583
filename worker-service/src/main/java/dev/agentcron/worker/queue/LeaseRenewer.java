package dev.agentcron.worker.queue;

import dev.agentcron.worker.startup.SchemaGate;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Renews the lease of every run this worker holds, and learns from the same statement which runs a user
 * asked to cancel ({@code cancelling}) and which leases were lost (taken over after this worker stalled):
 * both stop their executor.
 */
@ApplicationScoped
public class LeaseRenewer {

    private static final Logger LOG = Logger.getLogger(LeaseRenewer.class);
    /**
     * Renews the leases still ours and reports every held run as it stands: a run this worker ended itself
     * (its final write landed just before this statement) is not a lost lease.
     */
    private static final String RENEW = """
            WITH renewed AS (
              UPDATE runs SET lease_expires_at = now() + make_interval(secs => $3)
              WHERE id = ANY($1) AND worker_id = $2 AND status IN ('running', 'cancelling')
              RETURNING id)
            SELECT r.id, r.attempt, r.status, r.worker_id, renewed.id IS NOT NULL AS renewed
            FROM runs r LEFT JOIN renewed ON renewed.id = r.id
            WHERE r.id = ANY($1)""";

    private final Pool pool;
    private final HeldRuns held;
    private final WorkerSettings settings;
    private final WorkerIdentity identity;
    private final SchemaGate schemaGate;
    private final Vertx vertx;
    private volatile long timerId = -1;

    public LeaseRenewer(
            Pool pool,
            HeldRuns held,
            WorkerSettings settings,
            WorkerIdentity identity,
            SchemaGate schemaGate,
            Vertx vertx) {
        this.pool = pool;
        this.held = held;
        this.settings = settings;
        this.identity = identity;
        this.schemaGate = schemaGate;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.runs(WorkerSettings.Role.CONSUMER)) {
            return;
        }
        schemaGate.opened().subscribe().with(ignored -> start());
    }

    public void start() {
        timerId = vertx.setPeriodic(settings.leaseRenewInterval().toMillis(), id -> renewAll()
                .subscribe()
                .with(ignored -> {}, failure -> LOG.warnf("Renewing leases failed: %s", failure.getMessage())));
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Renews every held lease once; cancels the executors of runs cancelled by a user or lost. */
    public Uni<Void> renewAll() {
        List<HeldRuns.Held> runs = held.all();
        if (runs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = runs.stream().map(HeldRuns.Held::runId).toArray(String[]::new);
        return pool.preparedQuery(RENEW)
                .execute(Tuple.of(ids, identity.id(), (double) settings.lease().toSeconds()))
                .invoke(rows -> {
                    Map<String, Row> renewed = new HashMap<>();
                    rows.forEach(row -> renewed.put(row.getString("id"), row));
                    runs.forEach(run -> check(run, renewed.get(run.runId())));
                })
                .replaceWithVoid();
    }

    private void check(HeldRuns.Held run, Row row) {
        if (row != null
                && !row.getBoolean("renewed")
                && identity.id().equals(row.getString("worker_id"))
                && row.getInteger("attempt") == run.attempt()) {
            return; // ended by this worker a moment ago: it is being released
        }
        if (row == null || !row.getBoolean("renewed") || row.getInteger("attempt") != run.attempt()) {
            LOG.warnf("Lease of run %s (attempt %d) was lost: stopping it", run.runId(), run.attempt());
            run.token().cancel("lease_lost");
        } else if ("cancelling".equals(row.getString("status"))) {
            run.token().cancel("cancelled");
        }
    }
}
