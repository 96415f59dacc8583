package dev.agentcron.worker.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.agentcron.worker.testing.GatewayStub.callFor;
import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, fallbacks, circuit breakers and stream timeouts, as a user sees them in the run. */
@QuarkusTest
class ResilienceTest extends RuntimeTest {

    @Test
    void fallsBackToTheNextModelAfterRepeated500s() {
        gateway.answer("fb-primary", aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"boom\"}}"));
        gateway.answer("fb-secondary", sse(textStream("fb-secondary", 40, 4, "From the fallback")));
        String agent = Fixtures.agent("fb-primary", a -> a.fallbacks = List.of("fb-secondary"));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("output")).isEqualTo("From the fallback");
        assertThat(run.get("model")).isEqualTo("fb-secondary");
        assertThat(run.get("num_turns")).isEqualTo(1);
        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps)
                .extracting(s -> s.get("model") + ":" + s.get("outcome"))
                .containsExactly("fb-primary:retry", "fb-primary:retry", "fb-primary:error", "fb-secondary:success");
        JsonNode firstError = GatewayStub.json((String) steps.get(0).get("error"));
        assertThat(firstError.path("status").asInt()).isEqualTo(500);
        assertThat(firstError.path("message").asText()).contains("HTTP 500").contains("boom");
        assertThat(gateway.requests("fb-primary")).hasSize(3);
        assertThat(events().names(runId)).last().isEqualTo("thread.run.completed");
    }

    @Test
    void waitsAtLeastRetryAfterBeforeRetryingA429() {
        String model = "retry-after-model";
        gateway.register(callFor(model)
                .inScenario(model)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("limited once")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        gateway.register(callFor(model)
                .inScenario(model)
                .whenScenarioStateIs("limited once")
                .willReturn(sse(textStream(model, 10, 2, "Patience pays"))));
        String agent = Fixtures.agent(model, a -> {});
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.run(runId).get("output")).isEqualTo("Patience pays");
        List<LoggedRequest> requests = gateway.requests(model);
        assertThat(requests).hasSize(2);
        long waitedMillis = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(2000);
        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps).extracting(s -> s.get("outcome")).containsExactly("retry", "success");
        assertThat(GatewayStub.json((String) steps.get(0).get("error"))
                        .path("status")
                        .asInt())
                .isEqualTo(429);
    }

    @Test
    void anOpenCircuitSkipsItsModelWithoutCallingIt() {
        gateway.answer("cb-flaky", aResponse().withStatus(503));
        gateway.answer("cb-backup", sse(textStream("cb-backup", 10, 2, "Backup answer")));
        String agent = Fixtures.agent("cb-flaky", a -> a.fallbacks = List.of("cb-backup"));

        String first = Fixtures.claimedRun(agent);
        assertThat(execute(first).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(gateway.requests("cb-flaky")).hasSize(3);

        String second = Fixtures.claimedRun(agent);
        RunResult result = execute(second);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(gateway.requests("cb-flaky")).hasSize(3);
        List<Map<String, Object>> steps = Fixtures.steps(second);
        assertThat(steps)
                .extracting(s -> s.get("model") + ":" + s.get("outcome"))
                .containsExactly("cb-flaky:circuit_open", "cb-backup:success");
        assertThat(Fixtures.run(second).get("model")).isEqualTo("cb-backup");
    }

    @Test
    void aStalledStreamTimesOutAndTheCallMovesOn() {
        gateway.answer(
                "idle-stalling",
                sse(textStream("idle-stalling", 10, 2, "never", " finished")).withChunkedDribbleDelay(3, 9000));
        gateway.answer("idle-backup", sse(textStream("idle-backup", 10, 2, "Fresh answer")));
        String agent = Fixtures.agent("idle-stalling", a -> a.fallbacks = List.of("idle-backup"));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.run(runId).get("output")).isEqualTo("Fresh answer");
        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps)
                .extracting(s -> s.get("model") + ":" + s.get("outcome"))
                .containsExactly(
                        "idle-stalling:retry", "idle-stalling:retry", "idle-stalling:error", "idle-backup:success");
        JsonNode error = GatewayStub.json((String) steps.get(0).get("error"));
        assertThat(error.path("code").asText()).isEqualTo("idle_timeout");
        assertThat(error.path("message").asText()).contains("idle");
    }

    @Test
    void everyModelFailingEndsTheRunInErrorAndPausesTheAgentAfterItsLimit() {
        gateway.answer("rejecting-a", aResponse().withStatus(400).withBody("{\"error\": {\"message\": \"bad\"}}"));
        gateway.answer("rejecting-b", aResponse().withStatus(404));
        String agent = Fixtures.agent("rejecting-a", a -> {
            a.fallbacks = List.of("rejecting-b");
            a.pauseAfterFailures = 2;
        });

        String first = Fixtures.claimedRun(agent);
        assertThat(execute(first).status()).isEqualTo(RunStatus.ERROR);
        assertThat(Fixtures.agentRow(agent)).containsEntry("status", "active").containsEntry("consecutive_failures", 1);

        String second = Fixtures.claimedRun(agent);
        RunResult result = execute(second);

        assertThat(result.status()).isEqualTo(RunStatus.ERROR);
        Map<String, Object> run = Fixtures.run(second);
        JsonNode error = GatewayStub.json((String) run.get("error"));
        assertThat(error.path("code").asText()).isEqualTo("gateway_rejected");
        assertThat(error.path("message").asText())
                .contains("rejecting-a: HTTP 400")
                .contains("rejecting-b: HTTP 404");
        assertThat(Fixtures.steps(second))
                .extracting(s -> s.get("model") + ":" + s.get("outcome"))
                .containsExactly("rejecting-a:error", "rejecting-b:error");
        Map<String, Object> agentRow = Fixtures.agentRow(agent);
        assertThat(agentRow)
                .containsEntry("status", "error")
                .containsEntry("status_reason", "paused after 2 consecutive failed runs")
                .containsEntry("consecutive_failures", 2)
                .containsEntry("last_run_status", "error");
        List<RunEvents.Event> events = events().of(second);
        RunEvents.Event last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("thread.run.failed");
        assertThat(last.data().path("status").asText()).isEqualTo("failed");
        assertThat(last.data().path("error").path("code").asText()).isEqualTo("gateway_rejected");
    }
}
