package dev.agentcron.worker.housekeeping;

import dev.agentcron.worker.queue.WorkerIdentity;
import dev.agentcron.worker.queue.WorkerSettings;
import dev.agentcron.worker.startup.SchemaGate;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * Starts JobRunr (core, configured in code) on the worker's PostgreSQL once the schema gate opens, and
 * registers the recurring housekeeping jobs. JobRunr is not the agent scheduler: it only runs these
 * cluster-wide chores, each on one worker at a time.
 */
@ApplicationScoped
public class JobRunrLifecycle {

    private static final Logger LOG = Logger.getLogger(JobRunrLifecycle.class);

    private final AgroalDataSource dataSource;
    private final SchemaGate schemaGate;
    private final HousekeepingSettings settings;
    private final WorkerIdentity identity;
    private final WorkerSettings workerSettings;
    private volatile boolean started;

    public JobRunrLifecycle(
            AgroalDataSource dataSource,
            SchemaGate schemaGate,
            HousekeepingSettings settings,
            WorkerIdentity identity,
            WorkerSettings workerSettings) {
        this.dataSource = dataSource;
        this.workerSettings = workerSettings;
        this.schemaGate = schemaGate;
        this.settings = settings;
        this.identity = identity;
    }

    void onStart(@Observes StartupEvent event) {
        if (!workerSettings.runs(WorkerSettings.Role.HOUSEKEEPING)) {
            return;
        }
        schemaGate.opened().subscribe().with(ignored -> start(), failure -> LOG.error("JobRunr not started", failure));
    }

    private synchronized void start() {
        JobRunr.configure()
                .useJsonMapper(new JacksonJsonMapper())
                .useStorageProvider(new PostgresStorageProvider(dataSource))
                .useJobActivator(new ArcJobActivator())
                .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName(identity.id())
                        .andPollInterval(settings.pollInterval())
                        .andWorkerCount(2))
                .initialize();
        BackgroundJob.<ScheduleReconciler>scheduleRecurrently(
                "reconcile-schedules", settings.reconcileInterval(), ScheduleReconciler::reconcile);
        BackgroundJob.<StaleRunRequeuer>scheduleRecurrently(
                "requeue-stale-runs", settings.requeueInterval(), StaleRunRequeuer::requeue);
        BackgroundJob.<RunRetention>scheduleRecurrently(
                "run-retention", settings.retentionInterval(), RunRetention::purge);
        BackgroundJob.<JobStreamTrimmer>scheduleRecurrently(
                "trim-job-streams", settings.jobStreamTrimInterval(), JobStreamTrimmer::trimAll);
        BackgroundJob.<ThreadArchiver>scheduleRecurrently(
                "archive-idle-threads", settings.archiveInterval(), ThreadArchiver::archive);
        started = true;
        LOG.infof(
                "Housekeeping started: reconcile every %s, requeue every %s, retention every %s",
                settings.reconcileInterval(), settings.requeueInterval(), settings.retentionInterval());
    }

    /** JobRunr finds the housekeeping beans in the CDI container. */
    private static final class ArcJobActivator implements JobActivator {
        @Override
        public <T> T activateJob(Class<T> type) {
            return Arc.container().instance(type).get();
        }
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (started) {
            JobRunr.destroy();
            started = false;
        }
    }
}
