package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.ModelCaller;
import dev.agentcron.worker.gateway.ModelPricing;
import dev.agentcron.worker.run.event.RunEventPublisher;
import dev.agentcron.worker.run.store.RunStore;
import dev.agentcron.worker.tool.ToolRegistry;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the {@link RunSession} of each execution with the services it uses. */
@ApplicationScoped
public class RunSessions {

    final ModelCaller caller;
    final ModelPricing pricing;
    final RunStore store;
    final ToolRegistry tools;
    final RunEventPublisher events;
    final RuntimeConfig config;
    final ObjectMapper mapper;
    final Vertx vertx;

    public RunSessions(
            ModelCaller caller,
            ModelPricing pricing,
            RunStore store,
            ToolRegistry tools,
            RunEventPublisher events,
            RuntimeConfig config,
            ObjectMapper mapper,
            Vertx vertx) {
        this.caller = caller;
        this.pricing = pricing;
        this.store = store;
        this.tools = tools;
        this.events = events;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** Starts the session: subscribes to the cancellation token and arms the run timeout. */
    RunSession open(RunContext ctx) {
        return new RunSession(ctx, this);
    }
}
