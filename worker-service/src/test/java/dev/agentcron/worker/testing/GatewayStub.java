package dev.agentcron.worker.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Stubs of the OpenAI-compatible gateway: streamed answers, tool calls, failures, per model id. */
public final class GatewayStub {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMock wireMock;

    private GatewayStub(WireMock wireMock) {
        this.wireMock = wireMock;
    }

    /** The stub the running application is configured with. */
    public static GatewayStub current() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("agentcron.gateway.base-url", String.class));
        return new GatewayStub(new WireMock(base.getHost(), base.getPort()));
    }

    public WireMock wireMock() {
        return wireMock;
    }

    /** A POST to /v1/chat/completions for {@code model}. */
    public static MappingBuilder callFor(String model) {
        return post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    public void register(MappingBuilder mapping) {
        wireMock.register(mapping);
    }

    /** Answers every call of {@code model} with {@code response}. */
    public void answer(String model, ResponseDefinitionBuilder response) {
        register(callFor(model).willReturn(response));
    }

    /** The requests made for {@code model}, oldest first. */
    public List<LoggedRequest> requests(String model) {
        List<LoggedRequest> found = new ArrayList<>(wireMock.find(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model)))));
        found.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return found;
    }

    /** The JSON bodies of the requests made for {@code model}, oldest first. */
    public List<JsonNode> bodies(String model) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : requests(model)) {
            bodies.add(json(request.getBodyAsString()));
        }
        return bodies;
    }

    /** A streamed (SSE) 200 answer. */
    public static ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }

    /** SSE body: one chunk per content piece, then the usage chunk and [DONE]. */
    public static String textStream(String model, long promptTokens, long completionTokens, String... pieces) {
        StringBuilder out = new StringBuilder();
        out.append(event(chunk(model, delta().put("role", "assistant"), null)));
        for (String piece : pieces) {
            out.append(event(chunk(model, delta().put("content", piece), null)));
        }
        out.append(event(chunk(model, delta(), "stop")));
        out.append(event(usageChunk(model, promptTokens, completionTokens)));
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    /**
     * SSE body of an answer calling tools: each call's arguments split in two fragments, fragments of different
     * calls interleaved (as parallel calls stream).
     */
    public static String toolCallStream(String model, long promptTokens, long completionTokens, ToolCallSpec... calls) {
        StringBuilder out = new StringBuilder();
        out.append(event(chunk(model, delta().put("role", "assistant"), null)));
        for (int i = 0; i < calls.length; i++) {
            ObjectNode fragment = MAPPER.createObjectNode()
                    .put("index", i)
                    .put("id", calls[i].id())
                    .put("type", "function");
            fragment.putObject("function")
                    .put("name", calls[i].name())
                    .put("arguments", firstHalf(calls[i].arguments()));
            out.append(event(chunk(model, toolDelta(fragment), null)));
        }
        for (int i = 0; i < calls.length; i++) {
            ObjectNode fragment = MAPPER.createObjectNode().put("index", i);
            fragment.putObject("function").put("arguments", secondHalf(calls[i].arguments()));
            out.append(event(chunk(model, toolDelta(fragment), null)));
        }
        out.append(event(chunk(model, delta(), "tool_calls")));
        out.append(event(usageChunk(model, promptTokens, completionTokens)));
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    /** A tool call the stub makes. */
    public record ToolCallSpec(String id, String name, String arguments) {}

    private static String firstHalf(String text) {
        return text.substring(0, text.length() / 2);
    }

    private static String secondHalf(String text) {
        return text.substring(text.length() / 2);
    }

    private static ObjectNode delta() {
        return MAPPER.createObjectNode();
    }

    private static ObjectNode toolDelta(ObjectNode fragment) {
        ObjectNode delta = MAPPER.createObjectNode();
        ArrayNode calls = delta.putArray("tool_calls");
        calls.add(fragment);
        return delta;
    }

    private static ObjectNode chunk(String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = MAPPER.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion.chunk")
                .put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static ObjectNode usageChunk(String model, long promptTokens, long completionTokens) {
        ObjectNode chunk = MAPPER.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion.chunk")
                .put("model", model);
        chunk.putArray("choices");
        chunk.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return chunk;
    }

    private static String event(JsonNode data) {
        return "data: " + data + "\n\n";
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
