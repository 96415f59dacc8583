package dev.agentcron.worker.startup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.jboss.logging.Logger;

/**
 * The api-service owns the schema; the worker waits until every migration it knows is applied and valid,
 * then opens this gate. The background loops start when the gate opens; readiness is DOWN until then
 * ({@link SchemaReadiness}).
 */
@ApplicationScoped
public class SchemaGate {

    private static final Logger LOG = Logger.getLogger(SchemaGate.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Flyway flyway;
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final ScheduledExecutorService checker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "schema-gate"));
    private volatile String waitingFor = "not checked yet";

    public SchemaGate(Flyway flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes StartupEvent event) {
        checker.execute(this::check);
    }

    void onStop(@Observes ShutdownEvent event) {
        checker.shutdownNow();
    }

    /** Completes once the schema is there and valid. */
    public Uni<Void> opened() {
        return Uni.createFrom().completionStage(open);
    }

    private void check() {
        try {
            int pending = flyway.info().pending().length;
            if (pending > 0) {
                waitFor(pending + " migration(s) not applied yet: waiting for the api-service to migrate");
                return;
            }
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                waitFor("schema does not validate: " + result.getAllErrorMessages());
                return;
            }
            LOG.infof(
                    "Schema is at version %s: starting work",
                    flyway.info().current().getVersion());
            checker.shutdown();
            open.complete(null);
        } catch (RuntimeException e) {
            waitFor("cannot read the schema history: " + e.getMessage());
        }
    }

    private void waitFor(String reason) {
        if (!reason.equals(waitingFor)) {
            LOG.infof("Waiting for the schema: %s", reason);
        }
        waitingFor = reason;
        checker.schedule(this::check, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the schema is ready and work has started. */
    public boolean isOpen() {
        return open.isDone();
    }

    /** What the gate is waiting for, in words. */
    public String waitingFor() {
        return waitingFor;
    }
}
