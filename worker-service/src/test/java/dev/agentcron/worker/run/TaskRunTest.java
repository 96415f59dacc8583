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
import dev.agentcron.worker.testing.GatewayStubResource;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskRunTest extends RuntimeTest {

    @Test
    void streamedDeltasConcatenateIntoTheOutputAndTheUsageIsCosted() {
        String model = "priced-stream";
        gateway.answer(
                model,
                sse(textStream(model, 1200, 300, "Héllo", ", wörld ", "🌍", "!"))
                        .withChunkedDribbleDelay(7, 300));
        String agent = Fixtures.agent(model, a -> a.prompt = "Greet the world");
        String runId = Fixtures.claimedRun(agent, "{\"audience\": \"everyone\"}");

        RunResult result = execute(runId);

        assertThat(result.recorded()).isTrue();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("success");
        assertThat(run.get("output")).isEqualTo("Héllo, wörld 🌍!");
        assertThat(run.get("model")).isEqualTo(model);
        assertThat(run.get("input_tokens")).isEqualTo(1200L);
        assertThat(run.get("output_tokens")).isEqualTo(300L);
        assertThat((BigDecimal) run.get("cost_usd")).isEqualByComparingTo("0.0018");
        assertThat(run.get("num_turns")).isEqualTo(1);
        assertThat(run.get("completed_at")).isNotNull();
        assertThat(run.get("error")).isNull();

        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0))
                .containsEntry("kind", "model_call")
                .containsEntry("model", model)
                .containsEntry("outcome", "success")
                .containsEntry("input_tokens", 1200L)
                .containsEntry("output_tokens", 300L);

        RunEvents events = events();
        assertThat(events.names(runId))
                .containsExactly(
                        "thread.run.created",
                        "thread.message.delta",
                        "thread.message.delta",
                        "thread.message.delta",
                        "thread.message.delta",
                        "thread.run.completed");
        assertThat(events.streamedText(runId)).isEqualTo("Héllo, wörld 🌍!");
        JsonNode created = events.of(runId).get(0).data();
        assertThat(created.path("run_id").asText()).isEqualTo(runId);
        assertThat(created.has("thread_id")).isTrue();
        JsonNode completed = events.of(runId).get(5).data();
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("usage").path("input_tokens").asLong()).isEqualTo(1200);
        assertThat(completed.path("usage").path("output_tokens").asLong()).isEqualTo(300);
        assertThat(completed.path("usage").path("cost_usd").decimalValue()).isEqualByComparingTo("0.0018");
        assertThat(events.ttl(runId)).isGreaterThan(Duration.ofHours(23));

        JsonNode request = gateway.bodies(model).get(0);
        assertThat(request.path("stream").asBoolean()).isTrue();
        assertThat(request.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(request.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.path("messages").get(1).path("content").asText())
                .contains("Greet the world")
                .contains("\"audience\" : \"everyone\"");
        assertThat(request.has("tools")).isFalse();
        assertThat(gateway.requests(model).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + GatewayStubResource.API_KEY);
    }

    @Test
    void aToolCallIsExecutedAndItsResultFedBackForASecondTurn() {
        String model = "loop-two-turns";
        gateway.register(callFor(model)
                .atPriority(5)
                .willReturn(sse(toolCallStream(
                        model,
                        100,
                        20,
                        new ToolCallSpec("call_1", "remember", "{\"content\": \"The sky is blue\"}")))));
        gateway.register(callFor(model)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(sse(textStream(model, 150, 10, "I will remember", " that."))));
        String agent = Fixtures.agent(model, a -> a.tools = List.of("remember", "recall"));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("output")).isEqualTo("I will remember that.");
        assertThat(run.get("num_turns")).isEqualTo(2);
        assertThat(run.get("input_tokens")).isEqualTo(250L);
        assertThat(run.get("output_tokens")).isEqualTo(30L);
        assertThat(Fixtures.memories(agent)).singleElement().satisfies(m -> assertThat(m.get("content"))
                .isEqualTo("The sky is blue"));

        List<Map<String, Object>> steps = Fixtures.steps(runId);
        assertThat(steps).extracting(s -> s.get("kind")).containsExactly("model_call", "tool_call", "model_call");
        assertThat(steps.get(1)).containsEntry("tool_name", "remember").containsEntry("outcome", "success");
        JsonNode toolDetail = GatewayStub.json((String) steps.get(1).get("detail"));
        assertThat(toolDetail.path("arguments").path("content").asText()).isEqualTo("The sky is blue");
        assertThat(toolDetail.path("result").path("remembered").asBoolean()).isTrue();

        List<JsonNode> bodies = gateway.bodies(model);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).path("tools").size()).isEqualTo(2);
        assertThat(bodies.get(0).path("tools").get(0).path("type").asText()).isEqualTo("function");
        JsonNode messages = bodies.get(1).path("messages");
        JsonNode assistant = messages.get(2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(assistant
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"content\": \"The sky is blue\"}");
        JsonNode toolMessage = messages.get(3);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(GatewayStub.json(toolMessage.path("content").asText())
                        .path("remembered")
                        .asBoolean())
                .isTrue();

        RunEvents events = events();
        assertThat(events.names(runId))
                .containsExactly(
                        "thread.run.created",
                        "thread.run.tool_call",
                        "thread.run.tool_result",
                        "thread.message.delta",
                        "thread.message.delta",
                        "thread.run.completed");
        RunEvents.Event toolCall = events.of(runId).get(1);
        assertThat(toolCall.data().path("id").asText()).isEqualTo("call_1");
        assertThat(toolCall.data().path("name").asText()).isEqualTo("remember");
        assertThat(toolCall.data().path("arguments").path("content").asText()).isEqualTo("The sky is blue");
        assertThat(events.of(runId)
                        .get(2)
                        .data()
                        .path("result")
                        .path("remembered")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void parallelToolCallsAreReassembledByIndexAndAllAnswered() {
        String model = "loop-parallel";
        gateway.register(callFor(model)
                .atPriority(5)
                .willReturn(sse(toolCallStream(
                        model,
                        100,
                        20,
                        new ToolCallSpec(
                                "call_a",
                                "save_artifact",
                                "{\"title\": \"Weekly report\", \"content\": \"<p>All good</p>\", \"tags\": [\"weekly\"]}"),
                        new ToolCallSpec("call_b", "remember", "{\"content\": \"Report sent on Monday\"}")))));
        gateway.register(callFor(model)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.tool_call_id == 'call_b')]"))
                .willReturn(sse(textStream(model, 200, 5, "Done."))));
        String agent = Fixtures.agent(model, a -> a.tools = List.of("save_artifact", "remember"));
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.run(runId).get("output")).isEqualTo("Done.");
        assertThat(Fixtures.artifacts(agent)).singleElement().satisfies(artifact -> {
            assertThat(artifact.get("title")).isEqualTo("Weekly report");
            assertThat(artifact.get("content")).isEqualTo("<p>All good</p>");
            assertThat(artifact.get("run_id")).isEqualTo(runId);
            assertThat(artifact.get("approval_status")).isEqualTo("not_required");
            assertThat(artifact.get("tags")).isEqualTo(List.of("weekly"));
        });
        assertThat(Fixtures.memories(agent)).hasSize(1);
        assertThat(Fixtures.steps(runId))
                .extracting(
                        s -> s.get("kind") + ":" + (s.get("tool_name") == null ? s.get("model") : s.get("tool_name")))
                .containsExactly(
                        "model_call:" + model, "tool_call:save_artifact", "tool_call:remember", "model_call:" + model);
        JsonNode second = gateway.bodies(model).get(1).path("messages");
        assertThat(second.get(2).path("tool_calls")).hasSize(2);
        assertThat(second.get(3).path("tool_call_id").asText()).isEqualTo("call_a");
        assertThat(second.get(4).path("tool_call_id").asText()).isEqualTo("call_b");
    }

    @Test
    void reachingMaxTurnsWithToolCallsPendingEndsTheRunInError() {
        String model = "loop-max-turns";
        gateway.answer(
                model,
                sse(toolCallStream(model, 50, 5, new ToolCallSpec("call_r", "recall", "{\"query\": \"anything\"}"))));
        String agent = Fixtures.agent(model, a -> {
            a.tools = List.of("recall");
            a.maxTurns = 2;
        });
        String runId = Fixtures.claimedRun(agent);

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.ERROR);
        Map<String, Object> run = Fixtures.run(runId);
        assertThat(run.get("status")).isEqualTo("error");
        JsonNode error = GatewayStub.json((String) run.get("error"));
        assertThat(error.path("code").asText()).isEqualTo("max_turns_reached");
        assertThat(run.get("num_turns")).isEqualTo(2);
        assertThat(Fixtures.steps(runId))
                .extracting(s -> s.get("kind"))
                .containsExactly("model_call", "tool_call", "model_call");
        assertThat(gateway.requests(model)).hasSize(2);
        List<RunEvents.Event> events = events().of(runId);
        RunEvents.Event last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("thread.run.failed");
        assertThat(last.data().path("error").path("code").asText()).isEqualTo("max_turns_reached");
        assertThat(Fixtures.agentRow(agent))
                .containsEntry("last_run_status", "error")
                .containsEntry("consecutive_failures", 1);
    }
}
