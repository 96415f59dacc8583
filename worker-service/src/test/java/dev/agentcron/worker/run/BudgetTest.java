package dev.agentcron.worker.run;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code max_budget_usd}: checked against each call's worst case before it, and against the real cost after. */
@QuarkusTest
class BudgetTest extends RuntimeTest {

    // priced-budget: $10 per million input tokens, $30 per million output tokens

    @Test
    void stopsBeforeACallWhoseWorstCaseExceedsTheBudget() {
        String model = "priced-budget";
        String agent = Fixtures.agent(model, a -> {
            a.name = "budget before " + a.name;
            a.maxBudgetUsd = new BigDecimal("0.05");
            // worst case: 4096 output tokens * $30 / 1M = $0.12288 > $0.05
        });
        String runId = Fixtures.claimedRun(agent);
        int callsBefore = gateway.requests(model).size();

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("budget_exceeded");
        assertThat((BigDecimal) run.get("cost_usd")).isEqualByComparingTo("0");
        JsonNode error = GatewayStub.json((String) run.get("error"));
        assertThat(error.path("code").asText()).isEqualTo("budget_exceeded");
        assertThat(error.path("message").asText()).contains(model).contains("0.05");
        assertThat(Fixtures.steps(runId)).isEmpty();
        assertThat(gateway.requests(model)).hasSize(callsBefore);
        assertThat(events().names(runId)).containsExactly("thread.run.created", "thread.run.failed");
        assertThat(Fixtures.agentRow(agent))
                .containsEntry("last_run_status", "budget_exceeded")
                .containsEntry("consecutive_failures", 0);
    }

    @Test
    void aCallThatCrossesTheBudgetEndsTheRunBudgetExceededWithItsOutputKept() {
        String model = "priced-budget";
        String agent = Fixtures.agent(model, a -> {
            a.name = "budget after " + a.name;
            a.maxBudgetUsd = new BigDecimal("0.01");
            a.maxOutputTokens = 100;
            a.prompt = "Write the over-budget essay";
            // worst case: ~30 input tokens * $10/1M + 100 * $30/1M ≈ $0.0033 < $0.01: the call is allowed
        });
        gateway.register(GatewayStub.callFor(model)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("over-budget essay"))
                .willReturn(sse(textStream(model, 1000, 1000, "A long essay"))));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        // real cost: 1000 * $10/1M + 1000 * $30/1M = $0.04 > $0.01
        assertThat(result.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("budget_exceeded");
        assertThat(run.get("output")).isEqualTo("A long essay");
        assertThat((BigDecimal) run.get("cost_usd")).isEqualByComparingTo("0.04");
        assertThat(run.get("num_turns")).isEqualTo(1);
        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.get("outcome")).isEqualTo("success");
            assertThat((BigDecimal) step.get("cost_usd")).isEqualByComparingTo("0.04");
        });
        List<RunEvents.Event> events = events().of(runId);
        assertThat(events).extracting(RunEvents.Event::event).last().isEqualTo("thread.run.failed");
        assertThat(events.get(events.size() - 1)
                        .data()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("budget_exceeded");
        assertThat(events().streamedText(runId)).isEqualTo("A long essay");
    }
}
