package dev.agentcron.worker.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dev.agentcron.worker.testing.GatewayStub.callFor;
import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static dev.agentcron.worker.testing.GatewayStub.toolCallStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.run.RunResult;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub.ToolCallSpec;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatRunTest extends RuntimeTest {

    @Test
    void aChatTurnSendsTheThreadHistoryAndStoresTheAnswerWithItsTokens() {
        String model = "chat-history";
        gateway.answer(model, sse(textStream(model, 400, 12, "Paris is ", "the capital.")));
        String agent = Fixtures.agent(model, a -> a.systemPrompt = "You answer geography questions.");
        String thread = thread(agent);
        message(thread, "user", "Hello there", 5, 30);
        message(thread, "assistant", "Hi! How can I help?", 6, 20);
        String runId = chatRun(agent, thread, "What is the capital of France?");

        RunResult result = execute(runId);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        JsonNode messages = gateway.bodies(model).get(0).path("messages");
        List<String> sent = new ArrayList<>();
        messages.forEach(
                m -> sent.add(m.path("role").asText() + ": " + m.path("content").asText()));
        assertThat(sent)
                .containsExactly(
                        "system: You answer geography questions.",
                        "user: Hello there",
                        "assistant: Hi! How can I help?",
                        "user: What is the capital of France?");

        List<Map<String, Object>> stored = Fixtures.rows(
                "SELECT role, content, tokens, run_id FROM messages WHERE thread_id = ? ORDER BY created_at, id",
                thread);
        assertThat(stored).hasSize(4);
        assertThat(stored.get(3))
                .containsEntry("role", "assistant")
                .containsEntry("content", "Paris is the capital.")
                .containsEntry("tokens", 12)
                .containsEntry("run_id", runId);
        Map<String, Object> threadRow = Fixtures.one("SELECT * FROM threads WHERE id = ?", thread);
        assertThat(threadRow.get("message_count")).isEqualTo(4);
        assertThat(threadRow.get("total_tokens")).isEqualTo(5L + 6 + 10 + 12);

        RunEvents events = events();
        assertThat(events.names(runId))
                .containsExactly(
                        "thread.run.created", "thread.message.delta", "thread.message.delta", "thread.run.completed");
        assertThat(events.of(runId).get(0).data().path("thread_id").asText()).isEqualTo(thread);
        assertThat(events.streamedText(runId)).isEqualTo("Paris is the capital.");
    }

    @Test
    void aLongHistoryIsCutToTheTokenBudgetOldestFirstWithASummaryLine() {
        String model = "chat-budget";
        gateway.answer(model, sse(textStream(model, 100, 3, "Noted.")));
        String agent = Fixtures.agent(model, a -> {});
        String thread = thread(agent);
        // 40 messages of 1,500 characters (about 500 tokens each): far more than the 8,000 token budget
        for (int i = 0; i < 40; i++) {
            message(thread, i % 2 == 0 ? "user" : "assistant", "m" + i + " " + "x".repeat(1500), 10, 1000 - i);
        }
        String runId = chatRun(agent, thread, "And now?");

        assertThat(execute(runId).status()).isEqualTo(RunStatus.SUCCESS);

        JsonNode messages = gateway.bodies(model).get(0).path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(1).path("content").asText()).startsWith("Earlier conversation truncated:");
        int historySent = messages.size() - 2;
        assertThat(historySent).isBetween(2, 20);
        assertThat(messages.get(1).path("content").asText()).contains((41 - historySent) + " older messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).isEqualTo("And now?");
        assertThat(messages.get(messages.size() - 2).path("content").asText()).startsWith("m39 ");
        assertThat(messages.get(2).path("content").asText()).startsWith("m" + (41 - historySent) + " ");
    }

    @Test
    void rememberThenMemoriesAnswerWithoutAnyModelCall() {
        String model = "chat-slash";
        String agent = Fixtures.agent(model, a -> {});
        String thread = thread(agent);

        String remember = chatRun(agent, thread, "/remember The deploy window is Tuesday 10:00");
        assertThat(execute(remember).status()).isEqualTo(RunStatus.SUCCESS);
        String list = chatRun(agent, thread, "/memories");
        assertThat(execute(list).status()).isEqualTo(RunStatus.SUCCESS);
        String help = chatRun(agent, thread, "/help");
        assertThat(execute(help).status()).isEqualTo(RunStatus.SUCCESS);

        assertThat(gateway.requests(model)).isEmpty();
        assertThat(Fixtures.memories(agent)).singleElement().satisfies(m -> {
            assertThat(m.get("content")).isEqualTo("The deploy window is Tuesday 10:00");
            assertThat(m.get("source")).isEqualTo("chat");
        });
        RunEvents events = events();
        assertThat(events.streamedText(remember)).isEqualTo("Remembered: The deploy window is Tuesday 10:00");
        assertThat(events.streamedText(list)).isEqualTo("Memories:\n- The deploy window is Tuesday 10:00");
        assertThat(events.streamedText(help)).contains("/remember <text>").contains("/memories");
        assertThat(events.names(list)).first().isEqualTo("thread.run.created");
        assertThat(events.names(list)).last().isEqualTo("thread.run.completed");
        assertThat(Fixtures.one("SELECT message_count FROM threads WHERE id = ?", thread))
                .containsEntry("message_count", 6);
        assertThat(Fixtures.run(list).get("output")).isEqualTo("Memories:\n- The deploy window is Tuesday 10:00");
    }

    @Test
    void aToolUsingChatAgentStreamsToolCallAndResultEvents() {
        String model = "chat-tools";
        gateway.register(callFor(model)
                .atPriority(5)
                .willReturn(sse(toolCallStream(
                        model, 100, 20, new ToolCallSpec("call_1", "remember", "{\"content\": \"Likes tea\"}")))));
        gateway.register(callFor(model)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
                .willReturn(sse(textStream(model, 150, 4, "Got it."))));
        String agent = Fixtures.agent(model, a -> a.tools = List.of("remember"));
        String thread = thread(agent);
        String runId = chatRun(agent, thread, "I like tea, remember that");

        assertThat(execute(runId).status()).isEqualTo(RunStatus.SUCCESS);

        RunEvents events = events();
        assertThat(events.names(runId))
                .containsExactly(
                        "thread.run.created",
                        "thread.run.tool_call",
                        "thread.run.tool_result",
                        "thread.message.delta",
                        "thread.run.completed");
        assertThat(events.of(runId).get(1).data().path("name").asText()).isEqualTo("remember");
        assertThat(events.of(runId)
                        .get(4)
                        .data()
                        .path("usage")
                        .path("output_tokens")
                        .asLong())
                .isEqualTo(24);
        assertThat(Fixtures.one("SELECT content, tokens FROM messages WHERE run_id = ? AND role = 'assistant'", runId))
                .containsEntry("content", "Got it.")
                .containsEntry("tokens", 24);
    }

    private static String thread(String agentId) {
        String id = Ids.next(Ids.THREAD);
        Fixtures.update(
                "INSERT INTO threads (id, agent_id, workspace_id) SELECT ?, id, workspace_id FROM agents WHERE id = ?",
                id,
                agentId);
        return id;
    }

    /** A stored message {@code secondsAgo} old, counted on the thread as the api-service does. */
    private static void message(String thread, String role, String content, int tokens, int secondsAgo) {
        Fixtures.update(
                "INSERT INTO messages (id, thread_id, role, content, tokens, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, now() - make_interval(secs => ?))",
                Ids.next(Ids.MESSAGE),
                thread,
                role,
                content,
                tokens,
                secondsAgo);
        Fixtures.update(
                "UPDATE threads SET message_count = message_count + 1, total_tokens = total_tokens + ? WHERE id = ?",
                tokens,
                thread);
    }

    /** A claimed chat run with its user message, as the api-service and the engine leave it. */
    private static String chatRun(String agentId, String thread, String text) {
        String id = Ids.next(Ids.RUN);
        Fixtures.update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, thread_id, attempt, worker_id,"
                        + " lease_expires_at, started_at) SELECT ?, id, workspace_id, 'chat', 'running', ?, 1,"
                        + " 'test-worker', now() + interval '1 minute', now() FROM agents WHERE id = ?",
                id,
                thread,
                agentId);
        Fixtures.update(
                "INSERT INTO messages (id, thread_id, run_id, role, content, tokens, created_at)"
                        + " VALUES (?, ?, ?, 'user', ?, 10, clock_timestamp())",
                Ids.next(Ids.MESSAGE),
                thread,
                id,
                text);
        Fixtures.update(
                "UPDATE threads SET message_count = message_count + 1, total_tokens = total_tokens + 10 WHERE id = ?",
                thread);
        return id;
    }
}
