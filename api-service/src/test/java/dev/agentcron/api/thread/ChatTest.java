package dev.agentcron.api.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.SseClient;
import dev.agentcron.api.support.SseClient.Message;
import dev.agentcron.api.support.SseClient.OpenStream;
import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RunEventLog;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat as an integrator sees it: real SSE streams read with an HTTP client. No worker runs in this JVM: the
 * tests play the worker's part by appending the run's events to its Redis stream with {@link RunEventLog}, as the
 * worker does (the append announces the run on the run events channel).
 */
@QuarkusTest
class ChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestTenant tenant;
    private static TestTenant other;

    @TestHTTPResource("/")
    URL base;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    RunEventLog log;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = TestTenant.create("chat");
            other = TestTenant.create("chat-other");
        }
    }

    @Test
    void threadsAreCreatedListedReadAndDeleted() {
        String agent = agent(tenant);
        String thread = tenant.as()
                .post(agents(agent) + "/threads")
                .then()
                .statusCode(201)
                .body("data.title", equalTo("New Conversation"))
                .body("data.agent_id", equalTo(agent))
                .body("data.message_count", equalTo(0))
                .body("data.total_tokens", equalTo(0))
                .body("data.archived_at", nullValue())
                .extract()
                .path("data.id");
        assertThat(thread).startsWith("thr_");
        String titled = tenant.as()
                .body("{\"title\": \"Marketing Strategy Discussion\"}")
                .post(agents(agent) + "/threads")
                .then()
                .statusCode(201)
                .body("data.title", equalTo("Marketing Strategy Discussion"))
                .extract()
                .path("data.id");

        tenant.as()
                .get(agents(agent) + "/threads")
                .then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("meta.total", equalTo(2));
        tenant.as()
                .get(agents(agent) + "/threads/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        tenant.as()
                .body("{\"title\": \"x\", \"message_count\": 3}")
                .post(agents(agent) + "/threads")
                .then()
                .statusCode(400);
        other.as().get(agents(agent) + "/threads").then().statusCode(404);
        other.as().delete(agents(agent) + "/threads/" + thread).then().statusCode(404);

        tenant.as().delete(agents(agent) + "/threads/" + thread).then().statusCode(204);
        tenant.as().delete(agents(agent) + "/threads/" + thread).then().statusCode(404);
        tenant.as()
                .get(agents(agent) + "/threads")
                .then()
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(titled));
    }

    @Test
    void theChatResponseIsTheRunsEventStreamEndingWithDone() throws Exception {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);

        OpenStream stream = chat(thread, agent, "What changed this week?", Map.of());
        assertThat(stream.status).isEqualTo(200);
        assertThat(stream.headers.get("content-type").get(0)).startsWith("text/event-stream");
        String runId = awaitRun(thread);
        assertThat(Sql.query("SELECT trigger || '/' || status FROM runs WHERE id = '" + runId + "'"))
                .isEqualTo("chat/queued");
        assertThat(interactiveJobRuns(agent)).contains(runId);
        tenant.as()
                .get(agents(agent) + "/threads/" + thread + "/messages")
                .then()
                .body("data", hasSize(1))
                .body("data[0].role", equalTo("user"))
                .body("data[0].content", equalTo("What changed this week?"))
                .body("data[0].tokens", equalTo(8));
        tenant.as()
                .get(agents(agent) + "/threads")
                .then()
                .body("data[0].message_count", equalTo(1))
                .body("data[0].total_tokens", equalTo(8));

        publishRun(runId, thread, "Three ", "tickets ", "closed.");

        await().atMost(WAIT).until(stream::ended);
        List<Message> events = stream.events();
        assertThat(events.get(events.size() - 1).isDone()).isTrue();
        List<Message> runEvents = events.subList(0, events.size() - 1);
        assertThat(runEvents).allSatisfy(m -> assertThat(m.id()).matches("\\d+-\\d+"));
        assertThat(stream.body.toString().lines().filter(line -> !line.isEmpty()))
                .as("only id:, data: and comment lines, as API.md shows")
                .allSatisfy(line -> assertThat(line).matches("(id:|data:|:).*"));
        assertThat(names(runEvents))
                .containsExactly(
                        "thread.run.created",
                        "thread.message.delta",
                        "thread.run.tool_call",
                        "thread.run.tool_result",
                        "thread.message.delta",
                        "thread.message.delta",
                        "thread.run.completed");
        assertThat(text(runEvents)).isEqualTo("Three tickets closed.");
        JsonNode completed = JSON.readTree(runEvents.get(6).data()).path("data");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("usage").path("output_tokens").asInt()).isEqualTo(42);
        JsonNode toolCall = JSON.readTree(runEvents.get(2).data()).path("data");
        assertThat(toolCall.path("name").asText()).isEqualTo("recall");
        assertThat(toolCall.path("arguments").path("query").asText()).isEqualTo("tickets");

        OpenStream replay = SseClient.get(runEvents(runId), tenant.adminKey(), null);
        await().atMost(WAIT).until(replay::ended);
        assertThat(replay.events()).isEqualTo(events);
    }

    @Test
    void lastEventIdResumesWithEveryLaterEventExactlyOnce() {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);
        OpenStream first = chat(thread, agent, "Tell me a story", Map.of());
        String runId = awaitRun(thread);
        publish(runId, "thread.run.created", "{\"run_id\":\"" + runId + "\",\"thread_id\":\"" + thread + "\"}");
        for (int i = 0; i < 5; i++) {
            publish(runId, "thread.message.delta", delta("part" + i + " "));
        }
        await().atMost(WAIT).until(() -> first.events().size() == 6);
        Message third = first.events().get(2);

        OpenStream resumed = SseClient.get(runEvents(runId), tenant.adminKey(), third.id());
        await().atMost(WAIT).until(() -> resumed.events().size() == 3);
        for (int i = 5; i < 8; i++) {
            publish(runId, "thread.message.delta", delta("part" + i + " "));
        }
        publish(runId, "thread.run.completed", completed());

        await().atMost(WAIT).until(() -> first.ended() && resumed.ended());
        List<Message> all = first.events();
        assertThat(resumed.events()).isEqualTo(all.subList(3, all.size()));
        assertThat(text(resumed.events())).isEqualTo("part2 part3 part4 part5 part6 part7 ");
        assertThat(text(all)).isEqualTo("part0 part1 part2 part3 part4 part5 part6 part7 ");
    }

    @Test
    void anEventWhoseAnnouncementIsLostStillArrivesByTheSafetyPoll() {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);
        OpenStream stream = chat(thread, agent, "Are you there?", Map.of());
        String runId = awaitRun(thread);
        publish(runId, "thread.run.created", "{\"run_id\":\"" + runId + "\",\"thread_id\":\"" + thread + "\"}");
        await().atMost(WAIT).until(() -> stream.events().size() == 1);
        // a ping after the event: the connection read everything and waits for the run's next announcement
        await().atMost(WAIT).until(() -> {
            List<Message> messages = stream.messages;
            return "ping".equals(messages.get(messages.size() - 1).comment());
        });

        // appended without the announcement, as if the pub/sub message were lost
        redis.stream(String.class)
                .xadd(keys.runEvents(runId), Map.of("event", "thread.message.delta", "data", delta("Yes.")));
        redis.stream(String.class)
                .xadd(keys.runEvents(runId), Map.of("event", "thread.run.completed", "data", completed()));

        await().atMost(WAIT).until(stream::ended);
        assertThat(names(stream.events().subList(0, 3)))
                .containsExactly("thread.run.created", "thread.message.delta", "thread.run.completed");
        assertThat(stream.events().get(3).isDone()).isTrue();
        assertThat(text(stream.events())).isEqualTo("Yes.");
    }

    @Test
    void anIdleStreamIsPingedAndADisconnectLeavesTheRunAlone() {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);
        OpenStream stream = chat(thread, agent, "Anyone there?", Map.of());
        String runId = awaitRun(thread);

        await().atMost(WAIT).until(() -> stream.messages.stream().anyMatch(m -> "ping".equals(m.comment())));
        assertThat(stream.body.toString()).contains(": ping\n");
        assertThat(Sql.query("SELECT status FROM runs WHERE id = '" + runId + "'"))
                .isEqualTo("queued");
    }

    @Test
    void chatRulesAnswerWithProblems() {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);
        String otherAgent = agent(tenant);
        String otherThread = thread(tenant, otherAgent);

        chatProblem(agent, "{\"thread_id\": \"" + thread + "\", \"message\": \"  \"}", 400)
                .body("errors[0].field", equalTo("message"));
        chatProblem(agent, "{\"thread_id\": \"" + thread + "\", \"message\": \"" + "x".repeat(32_001) + "\"}", 400);
        chatProblem(agent, "{\"thread_id\": \"" + thread + "\", \"message\": \"hi\", \"role\": \"system\"}", 400);
        chatProblem(agent, "{\"message\": \"hi\"}", 400).body("errors[0].field", equalTo("thread_id"));
        chatProblem(agent, "{\"thread_id\": \"thr_unknown\", \"message\": \"hi\"}", 404);
        chatProblem(agent, "{\"thread_id\": \"" + otherThread + "\", \"message\": \"hi\"}", 404);
        other.as()
                .body("{\"thread_id\": \"" + thread + "\", \"message\": \"hi\"}")
                .post(agents(agent) + "/chat")
                .then()
                .statusCode(404);

        OpenStream running = chat(thread, agent, "first", Map.of());
        assertThat(running.status).isEqualTo(200);
        awaitRun(thread);
        chatProblem(agent, "{\"thread_id\": \"" + thread + "\", \"message\": \"second\"}", 409)
                .body("detail", org.hamcrest.Matchers.containsString("already has a run in progress"));
        assertThat(Sql.query("SELECT count(*) FROM messages WHERE thread_id = '" + thread + "'"))
                .isEqualTo("1");

        String archived = thread(tenant, agent);
        Sql.exec("UPDATE threads SET archived_at = now() WHERE id = '" + archived + "'");
        chatProblem(agent, "{\"thread_id\": \"" + archived + "\", \"message\": \"hi\"}", 409)
                .body("detail", org.hamcrest.Matchers.containsString("archived"));
        tenant.as()
                .get(agents(agent) + "/threads")
                .then()
                .body("data.find { it.id == '" + archived + "' }.archived_at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStreamsTheFirstRunAgainFromTheStart() {
        String agent = agent(tenant);
        String thread = thread(tenant, agent);
        String key = UUID.randomUUID().toString();
        String body = "{\"thread_id\": \"" + thread + "\", \"message\": \"Summarize\"}";

        OpenStream first = SseClient.post(chatUri(agent), tenant.adminKey(), body, Map.of("Idempotency-Key", key));
        String runId = awaitRun(thread);
        publishRun(runId, thread, "Done.");
        await().atMost(WAIT).until(first::ended);

        OpenStream retry = SseClient.post(chatUri(agent), tenant.adminKey(), body, Map.of("Idempotency-Key", key));
        assertThat(retry.status).isEqualTo(200);
        assertThat(retry.headers.get("idempotent-replayed")).containsExactly("true");
        await().atMost(WAIT).until(retry::ended);
        assertThat(retry.events()).isEqualTo(first.events());
        assertThat(Sql.query("SELECT count(*) FROM runs WHERE thread_id = '" + thread + "'"))
                .isEqualTo("1");
        assertThat(Sql.query("SELECT count(*) FROM messages WHERE thread_id = '" + thread + "'"))
                .isEqualTo("1");

        tenant.as()
                .header("Idempotency-Key", key)
                .body("{\"thread_id\": \"" + thread + "\", \"message\": \"Something else\"}")
                .post(agents(agent) + "/chat")
                .then()
                .statusCode(422);
    }

    @Test
    void eventsOfARunEndedLongAgoAreGone() {
        String agent = agent(tenant);
        String runId = "run_" + UUID.randomUUID().toString().replace("-", "");
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, started_at, completed_at)"
                + " SELECT '" + runId + "', id, workspace_id, 'manual', 'success', now() - interval '26 hours',"
                + " now() - interval '25 hours' FROM agents WHERE id = '" + agent + "'");

        tenant.as()
                .accept("text/event-stream")
                .get("/api/v1/runs/" + runId + "/events")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("status", equalTo(410));
        other.as()
                .accept("text/event-stream")
                .get("/api/v1/runs/" + runId + "/events")
                .then()
                .statusCode(404);
        tenant.as()
                .accept("text/event-stream")
                .header("Last-Event-ID", "not-an-id")
                .get("/api/v1/runs/" + runId + "/events")
                .then()
                .statusCode(400);
    }

    @Test
    void aScheduledRunsEventsStreamLikeAChatsAndAFinishedRunReplaysFromAnyPosition() {
        String agent = agent(tenant);
        String runId = "run_" + UUID.randomUUID().toString().replace("-", "");
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, started_at, completed_at)"
                + " SELECT '" + runId + "', id, workspace_id, 'schedule', 'success', now(), now()"
                + " FROM agents WHERE id = '" + agent + "'");
        publish(runId, "thread.run.created", "{\"run_id\":\"" + runId + "\",\"thread_id\":null}");
        publish(runId, "thread.message.delta", delta("Report ready."));
        publish(runId, "thread.run.completed", completed());

        OpenStream all = SseClient.get(runEvents(runId), tenant.adminKey(), null);
        await().atMost(WAIT).until(all::ended);
        assertThat(names(all.events().subList(0, 3)))
                .containsExactly("thread.run.created", "thread.message.delta", "thread.run.completed");
        assertThat(all.events().get(3).isDone()).isTrue();

        OpenStream tail = SseClient.get(
                runEvents(runId), tenant.adminKey(), all.events().get(1).id());
        await().atMost(WAIT).until(tail::ended);
        assertThat(tail.events()).isEqualTo(all.events().subList(2, 4));
    }

    // helpers

    private static String agents(String agent) {
        return "/api/v1/agents/" + agent;
    }

    private static String agent(TestTenant owner) {
        return owner.as()
                .body("{\"name\": \"chatter " + System.nanoTime() + "\", \"prompt\": \"Help\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static String thread(TestTenant owner, String agent) {
        return owner.as()
                .post(agents(agent) + "/threads")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private URI chatUri(String agent) {
        return URI.create(base.toString().replaceAll("/$", "") + agents(agent) + "/chat");
    }

    private URI runEvents(String runId) {
        return URI.create(base.toString().replaceAll("/$", "") + "/api/v1/runs/" + runId + "/events");
    }

    private OpenStream chat(String thread, String agent, String message, Map<String, String> headers) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("thread_id", thread);
        body.put("message", message);
        try {
            return SseClient.post(chatUri(agent), tenant.adminKey(), JSON.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse chatProblem(String agent, String body, int status) {
        return tenant.as()
                .body(body)
                .post(agents(agent) + "/chat")
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
    }

    private static String awaitRun(String thread) {
        return await().atMost(WAIT)
                .until(
                        () -> Sql.query("SELECT id FROM runs WHERE thread_id = '" + thread
                                + "' ORDER BY queued_at DESC LIMIT 1"),
                        id -> id != null);
    }

    private List<String> interactiveJobRuns(String agentId) {
        return redis.stream(String.class)
                .xrange(keys.interactiveJobs(keys.partitionOf(agentId)), StreamRange.of("-", "+"))
                .stream()
                .map(message -> message.payload().get("run_id"))
                .toList();
    }

    /** What a worker publishes for a chat turn that recalls something, then answers in pieces. */
    private void publishRun(String runId, String thread, String... pieces) {
        publish(runId, "thread.run.created", "{\"run_id\":\"" + runId + "\",\"thread_id\":\"" + thread + "\"}");
        publish(runId, "thread.message.delta", delta(pieces[0]));
        if (pieces.length > 1) {
            publish(
                    runId,
                    "thread.run.tool_call",
                    "{\"id\":\"call_1\",\"name\":\"recall\",\"arguments\":{\"query\":\"tickets\"}}");
            publish(
                    runId,
                    "thread.run.tool_result",
                    "{\"id\":\"call_1\",\"name\":\"recall\",\"result\":{\"memories\":[]}}");
            for (int i = 1; i < pieces.length; i++) {
                publish(runId, "thread.message.delta", delta(pieces[i]));
            }
        }
        publish(runId, "thread.run.completed", completed());
    }

    /** Appends an event and announces it, as the worker does. */
    private void publish(String runId, String event, String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("data", data);
        log.append(runId, fields).await().atMost(WAIT);
    }

    private static String delta(String text) {
        return "{\"delta\":{\"content\":\"" + text + "\"}}";
    }

    private static String completed() {
        return "{\"status\":\"completed\",\"usage\":{\"input_tokens\":300,\"output_tokens\":42,\"cost_usd\":0.0012}}";
    }

    private static List<String> names(List<Message> events) {
        return events.stream().map(m -> json(m).path("event").asText()).toList();
    }

    private static String text(List<Message> events) {
        StringBuilder text = new StringBuilder();
        for (Message m : events) {
            if (m.isDone()) {
                continue;
            }
            JsonNode event = json(m);
            if ("thread.message.delta".equals(event.path("event").asText())) {
                text.append(event.path("data").path("delta").path("content").asText());
            }
        }
        return text.toString();
    }

    private static JsonNode json(Message m) {
        try {
            return JSON.readTree(m.data());
        } catch (Exception e) {
            throw new IllegalStateException(m.data(), e);
        }
    }
}
