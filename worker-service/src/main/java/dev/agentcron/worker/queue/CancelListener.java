package dev.agentcron.worker.queue;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.startup.SchemaGate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Stops a held run at once when a user cancels it: the api-service publishes the run id on the
 * cancellation channel after setting the run {@code cancelling}. The {@link LeaseRenewer} sees the same
 * status on its next round, so a lost message only delays the stop.
 */
@ApplicationScoped
public class CancelListener {

    private static final Logger LOG = Logger.getLogger(CancelListener.class);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final HeldRuns held;
    private final SchemaGate schemaGate;
    private volatile Cancellable subscription;

    public CancelListener(ReactiveRedisDataSource redis, RedisKeys keys, HeldRuns held, SchemaGate schemaGate) {
        this.redis = redis;
        this.keys = keys;
        this.held = held;
        this.schemaGate = schemaGate;
    }

    void onStart(@Observes StartupEvent event) {
        schemaGate.opened().subscribe().with(ignored -> start());
    }

    public void start() {
        subscription = redis.pubsub(String.class)
                .subscribe(keys.runCancellations())
                .onFailure()
                .invoke(failure -> LOG.warnf("Cancellation channel lost, resubscribing: %s", failure.getMessage()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(this::cancel);
    }

    public void stop() {
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private void cancel(String runId) {
        HeldRuns.Held run = held.get(runId);
        if (run != null) {
            LOG.infof("Run %s cancelled by a user: stopping it", runId);
            run.token().cancel("cancelled");
        }
    }
}
