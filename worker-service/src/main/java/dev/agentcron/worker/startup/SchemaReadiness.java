package dev.agentcron.worker.startup;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until the {@link SchemaGate} opened: a worker waiting for migrations takes no traffic. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements AsyncHealthCheck {

    private final SchemaGate gate;

    public SchemaReadiness(SchemaGate gate) {
        this.gate = gate;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponse response = gate.isOpen()
                ? HealthCheckResponse.up("schema")
                : HealthCheckResponse.named("schema")
                        .down()
                        .withData("waiting", gate.waitingFor())
                        .build();
        return Uni.createFrom().item(response);
    }
}
