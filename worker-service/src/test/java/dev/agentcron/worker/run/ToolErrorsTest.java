package dev.agentcron.worker.run;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dev.agentcron.worker.testing.GatewayStub.callFor;
import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static dev.agentcron.worker.testing.GatewayStub.toolCallStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import dev.agentcron.worker.testing.GatewayStub.ToolCallSpec;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad tool call is answered with an error the model can read; the run goes on. */
@QuarkusTest
class ToolErrorsTest extends RuntimeTest {

    @Test
    void unknownDisallowedAndMalformedToolCallsComeBackAsErrorsAndTheRunContinues() {
        String model = "tool-errors";
        gateway.register(callFor(model)
                .atPriority(5)
                .willReturn(sse(toolCallStream(
                        model,
                        60,
                        10,
                        new ToolCallSpec("call_1", "delete_everything", "{}"),
                        new ToolCallSpec("call_2", "recall", "{\"query\": \"x\"}"),
                        new ToolCallSpec("call_3", "remember", "{\"content\": 5}"),
                        new ToolCallSpec("call_4", "remember", "not json at all")))));
        gateway.register(callFor(model)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.tool_call_id == 'call_4')]"))
                .willReturn(sse(textStream(model, 90, 5, "I could not do that."))));
        String agent = Fixtures.agent(model, a -> a.tools = List.of("remember"));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.run(runId).get("output")).isEqualTo("I could not do that.");
        assertThat(Fixtures.memories(agent)).isEmpty();
        List<Map<String, Object>> toolSteps = Fixtures.steps(runId).stream()
                .filter(s -> "tool_call".equals(s.get("kind")))
                .toList();
        assertThat(toolSteps).extracting(s -> s.get("outcome")).containsOnly("error");
        assertThat(toolSteps)
                .extracting(s -> GatewayStub.json((String) s.get("error"))
                        .path("message")
                        .asText())
                .containsExactly(
                        "unknown tool 'delete_everything'",
                        "tool 'recall' is not enabled for this agent",
                        "'content' must be a string",
                        "arguments are not valid JSON");

        JsonNode messages = gateway.bodies(model).get(1).path("messages");
        assertThat(messages.get(0).toString()).doesNotContain("delete_everything");
        assertThat(GatewayStub.json(messages.get(3).path("content").asText())
                        .path("error")
                        .asText())
                .isEqualTo("unknown tool 'delete_everything'");
        List<RunEvents.Event> results = events().of(runId).stream()
                .filter(e -> "thread.run.tool_result".equals(e.event()))
                .toList();
        assertThat(results).hasSize(4);
        assertThat(results.get(0).data().path("result").path("error").asText())
                .isEqualTo("unknown tool 'delete_everything'");
        RunEvents.Event malformed = events().of(runId).stream()
                .filter(e -> "thread.run.tool_call".equals(e.event()))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(malformed.data().path("arguments").asText()).isEqualTo("not json at all");
    }
}
