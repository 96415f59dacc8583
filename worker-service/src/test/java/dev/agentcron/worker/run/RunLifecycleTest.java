package dev.agentcron.worker.run;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Fencing, cancellation and the run timeout. */
@QuarkusTest
class RunLifecycleTest extends RuntimeTest {

    private static final String[] SLOW_PIECES = {
        "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "eleven ", "twelve "
    };

    @Test
    void aFinishWithAStaleAttemptChangesNothing() {
        String model = "fence-slow";
        gateway.answer(model, sse(textStream(model, 10, 12, SLOW_PIECES)).withChunkedDribbleDelay(16, 2400));
        String agent = Fixtures.agent(model, a -> {});
        String runId = Fixtures.claimedRun(agent);
        CompletableFuture<RunResult> running = start(context(runId));
        await().atMost(Duration.ofSeconds(10)).until(() -> events().names(runId).contains("thread.message.delta"));

        // another worker takes the run over (lease expired, claimed again)
        Fixtures.update("UPDATE runs SET attempt = attempt + 1, worker_id = 'other-worker' WHERE id = ?", runId);
        RunResult result = running.join();

        assertThat(result.recorded()).isFalse();
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run)
                .containsEntry("status", "running")
                .containsEntry("attempt", 2)
                .containsEntry("worker_id", "other-worker")
                .containsEntry("output", null)
                .containsEntry("completed_at", null)
                .containsEntry("num_turns", 0);
        assertThat(Fixtures.steps(runId)).isEmpty();
        assertThat(Fixtures.agentRow(agent)).containsEntry("last_run_at", null);
        assertThat(events().names(runId)).doesNotContain("thread.run.completed", "thread.run.failed");
    }

    @Test
    void cancellingMidStreamEndsTheRunCancelledWithTheTextSoFar() {
        String model = "cancel-slow";
        gateway.answer(model, sse(textStream(model, 10, 12, SLOW_PIECES)).withChunkedDribbleDelay(16, 8000));
        String agent = Fixtures.agent(model, a -> {});
        String runId = Fixtures.claimedRun(agent);
        RunContext ctx = context(runId);
        CompletableFuture<RunResult> running = start(ctx);
        await().atMost(Duration.ofSeconds(10)).until(() -> events().names(runId).contains("thread.message.delta"));

        // what POST /runs/{id}/cancel does to a running run, then the engine relays it to the worker
        Fixtures.update("UPDATE runs SET status = 'cancelling' WHERE id = ?", runId);
        ctx.cancellation().cancel("cancelled by user");
        RunResult result = running.join();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("cancelled");
        assertThat(run.get("error")).isNull();
        assertThat(run.get("completed_at")).isNotNull();
        String output = (String) run.get("output");
        assertThat(output).isNotEmpty().startsWith("one ");
        assertThat(String.join("", SLOW_PIECES)).startsWith(output).isNotEqualTo(output);
        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps).singleElement().satisfies(step -> assertThat(step.get("outcome"))
                .isEqualTo("cancelled"));
        List<RunEvents.Event> events = events().of(runId);
        RunEvents.Event last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("thread.run.failed");
        assertThat(last.data().path("error").path("code").asText()).isEqualTo("cancelled");
        assertThat(Fixtures.agentRow(agent))
                .containsEntry("last_run_status", "cancelled")
                .containsEntry("consecutive_failures", 0);
    }

    @Test
    void theRunTimeoutEndsTheRunTimedOut() {
        String model = "timeout-slow";
        // 20 chunks, one per second: never idle long enough to trip the idle timeout, but longer than 10 s
        gateway.answer(model, sse(textStream(model, 10, 12, SLOW_PIECES)).withChunkedDribbleDelay(20, 20_000));
        String agent = Fixtures.agent(model, a -> a.runTimeoutSeconds = 10);
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("timed_out");
        JsonNode error = GatewayStub.json((String) run.get("error"));
        assertThat(error.path("code").asText()).isEqualTo("timed_out");
        assertThat(error.path("message").asText()).contains("10 s");
        assertThat((String) run.get("output")).startsWith("one ");
        assertThat(Fixtures.steps(runId)).singleElement().satisfies(step -> assertThat(step.get("outcome"))
                .isEqualTo("cancelled"));
        List<RunEvents.Event> events = events().of(runId);
        assertThat(events.get(events.size() - 1)
                        .data()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("timed_out");
        assertThat(Fixtures.agentRow(agent)).containsEntry("consecutive_failures", 1);
    }
}
