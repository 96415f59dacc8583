package dev.agentcron.worker.testing;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.run.RunContext;
import dev.agentcron.worker.run.RunContexts;
import dev.agentcron.worker.run.RunExecutor;
import dev.agentcron.worker.run.RunResult;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Base of the runtime's {@code @QuarkusTest}s: runs the executor directly, as the scheduling engine will. */
public abstract class RuntimeTest {

    protected static final Duration RUN_WAIT = Duration.ofSeconds(60);

    @Inject
    protected RunExecutor executor;

    @Inject
    protected RunContexts contexts;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    protected final GatewayStub gateway = GatewayStub.current();

    protected RunEvents events() {
        return new RunEvents(redis, keys);
    }

    protected RedisKeys keys() {
        return keys;
    }

    protected RedisDataSource redis() {
        return redis;
    }

    /** Loads the claimed run and executes it to the end. */
    protected RunResult execute(String runId) {
        return executor.execute(context(runId)).await().atMost(RUN_WAIT);
    }

    protected RunContext context(String runId) {
        return contexts.load(runId).await().atMost(Duration.ofSeconds(10));
    }

    /** Starts executing without waiting. */
    protected CompletableFuture<RunResult> start(RunContext ctx) {
        return executor.execute(ctx).subscribeAsCompletionStage();
    }
}
