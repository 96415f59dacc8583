package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat answer streamed through one api-service replica and resumed on another: the client reads half of a
 * slow answer from api 0, disconnects, and reconnects to api 1 with {@code Last-Event-ID}.
 */
class ChatResumeIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway stub paces the answers of models named {@code …-slow}. */
    private static final String SLOW_MODEL = "gpt-4o-mini-slow";

    @TempDir
    Path workDir;

    private final String token = Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    private final String dbName = "agentcron_it_" + token;
    private final String keyPrefix = "it-" + token;
    private LauncherRun run;

    /** One SSE message as a client reads it. */
    record Event(String id, String data) {

        boolean done() {
            return "[DONE]".equals(data);
        }
    }

    @AfterEach
    void leaveNothingBehind() throws Exception {
        if (run == null) {
            return;
        }
        run.kill();
        if (run.usedInstalledPostgres() && run.reportedDatabase()) {
            LauncherRun.Endpoint db = run.database();
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres", props);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
            }
        }
        if (run.usedInstalledRedis() && run.reportedRedis()) {
            LauncherRun.Endpoint redis = run.redis();
            try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(2))) {
                String cursor = "0";
                do {
                    List<?> reply =
                            (List<?>) client.command("SCAN", cursor, "MATCH", keyPrefix + ":*", "COUNT", "1000");
                    cursor = (String) reply.get(0);
                    for (Object key : (List<?>) reply.get(1)) {
                        client.command("UNLINK", (String) key);
                    }
                } while (!"0".equals(cursor));
            }
        }
    }

    @Test
    void halfAStreamFromOneApiAndTheRestFromTheOtherMakeTheWholeAnswerExactlyOnce() throws Exception {
        int base = freePortBlock(3);
        run = LauncherRun.start(
                "chat-resume",
                workDir,
                List.of(
                        "--data-dir",
                        workDir.resolve("data").toString(),
                        "--apis",
                        "2",
                        "--workers",
                        "1",
                        "--api-port",
                        Integer.toString(base),
                        "--worker-port",
                        Integer.toString(base + 2),
                        "--db-name",
                        dbName,
                        "--key-prefix",
                        keyPrefix,
                        // its own PostgreSQL and Redis: a shared server's connection limit cannot fail it
                        "--embedded"));
        run.awaitReady();
        List<String> apis = List.of(run.readyField("api").split(","));
        assertThat(apis).hasSize(2);
        String key = run.readyField("admin-key");

        String agent = JSON.readTree(post(
                                apis.get(0) + "/api/v1/agents",
                                key,
                                "{\"name\": \"resumable\", \"prompt\": \"Answer\", \"model\": {\"id\": \"" + SLOW_MODEL
                                        + "\"}}")
                        .body())
                .path("data")
                .path("id")
                .asText();
        String thread = JSON.readTree(post(apis.get(0) + "/api/v1/agents/" + agent + "/threads", key, "{}")
                        .body())
                .path("data")
                .path("id")
                .asText();
        String message = "please tell me one two three four five six seven eight nine ten eleven twelve thirteen";

        // api 0: read the start of the answer, then hang up
        List<Event> firstHalf = new ArrayList<>();
        HttpResponse<InputStream> chat = HTTP.send(
                HttpRequest.newBuilder(URI.create(apis.get(0) + "/api/v1/agents/" + agent + "/chat"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"thread_id\": \"" + thread + "\", \"message\": \"" + message + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(chat.statusCode()).isEqualTo(200);
        try (InputStream body = chat.body()) {
            readEvents(body, firstHalf, 6);
        }
        assertThat(firstHalf).hasSize(6).noneMatch(Event::done);
        assertThat(name(firstHalf.get(0))).isEqualTo("thread.run.created");
        String runId = data(firstHalf.get(0)).path("run_id").asText();

        // api 1: resume after the last event received
        List<Event> rest = new ArrayList<>();
        HttpResponse<InputStream> resumed = HTTP.send(
                HttpRequest.newBuilder(URI.create(apis.get(1) + "/api/v1/runs/" + runId + "/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Last-Event-ID", firstHalf.get(5).id())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resumed.statusCode()).isEqualTo(200);
        try (InputStream body = resumed.body()) {
            readEvents(body, rest, Integer.MAX_VALUE);
        }
        assertThat(rest).isNotEmpty();
        assertThat(rest.get(rest.size() - 1).done()).isTrue();
        assertThat(name(rest.get(rest.size() - 2))).isEqualTo("thread.run.completed");
        assertThat(data(rest.get(rest.size() - 2))
                        .path("usage")
                        .path("output_tokens")
                        .asInt())
                .isPositive();

        // the whole stream, read afterwards from api 1, is exactly the two halves
        List<Event> whole = new ArrayList<>();
        HttpResponse<InputStream> replay = HTTP.send(
                HttpRequest.newBuilder(URI.create(apis.get(1) + "/api/v1/runs/" + runId + "/events"))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = replay.body()) {
            readEvents(body, whole, Integer.MAX_VALUE);
        }
        List<Event> joined = new ArrayList<>(firstHalf);
        joined.addAll(rest);
        assertThat(joined).isEqualTo(whole);
        assertThat(joined.stream().filter(e -> e.id() != null).map(Event::id).distinct())
                .hasSize(joined.size() - 1);

        // the disconnect did not cancel the run, and the answer was stored as streamed
        await().atMost(Duration.ofSeconds(30)).until(() -> "success".equals(status(apis.get(0), key, runId)));
        JsonNode messages = JSON.readTree(
                        get(apis.get(1) + "/api/v1/agents/" + agent + "/threads/" + thread + "/messages", key)
                                .body())
                .path("data");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").asText())
                .isEqualTo(text(joined))
                .contains("thirteen");
    }

    /** Reads SSE messages until {@code [DONE]}, the end of the body, or {@code limit} messages. */
    private static void readEvents(InputStream body, List<Event> into, int limit) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String id = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (into.size() < limit && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    Event event = new Event(id, data.toString());
                    into.add(event);
                    if (event.done()) {
                        return;
                    }
                }
                id = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }

    private static String name(Event event) {
        return json(event).path("event").asText();
    }

    private static JsonNode data(Event event) {
        return json(event).path("data");
    }

    private static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (IOException e) {
            throw new IllegalStateException(event.data(), e);
        }
    }

    private static String text(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.stream()
                .filter(e -> !e.done() && "thread.message.delta".equals(name(e)))
                .forEach(e -> text.append(data(e).path("delta").path("content").asText()));
        return text.toString();
    }

    private static String status(String api, String key, String runId) throws Exception {
        return JSON.readTree(get(api + "/api/v1/runs/" + runId, key).body())
                .path("data")
                .path("status")
                .asText();
    }

    private static HttpResponse<String> get(String url, String key) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String key, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** The first of {@code count} consecutive ports that are all free now. */
    private static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    // free
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No block of " + count + " free ports");
    }
}
