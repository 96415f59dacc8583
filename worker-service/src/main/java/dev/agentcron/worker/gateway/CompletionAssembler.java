package dev.agentcron.worker.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds a {@link Completion} from chat-completion chunks (streaming) or from one whole response: content
 * deltas concatenate, tool-call fragments are reassembled by their {@code index} (parallel calls too), usage
 * comes from the chunk that carries it.
 */
final class CompletionAssembler {

    private final String model;
    private final Consumer<String> onDelta;
    private final StringBuilder content = new StringBuilder();
    private final Map<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();
    private String finishReason;
    private Usage usage;
    private boolean sawChoice;

    CompletionAssembler(String model, Consumer<String> onDelta) {
        this.model = model;
        this.onDelta = onDelta;
    }

    /** Applies one streamed chunk ({@code choices[].delta}). */
    void chunk(JsonNode chunk) {
        failOnError(chunk);
        readUsage(chunk);
        JsonNode choice = firstChoice(chunk);
        if (choice == null) {
            return;
        }
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asText(null);
        if (text != null && !text.isEmpty()) {
            content.append(text);
            onDelta.accept(text);
        }
        for (JsonNode fragment : delta.path("tool_calls")) {
            int index = fragment.path("index").asInt(toolCalls.size());
            toolCalls.computeIfAbsent(index, ToolCallBuilder::new).add(fragment);
        }
        readFinishReason(choice);
    }

    /** Applies a whole (non-streaming) response ({@code choices[].message}). */
    void whole(JsonNode response) {
        failOnError(response);
        readUsage(response);
        JsonNode choice = firstChoice(response);
        if (choice == null) {
            return;
        }
        JsonNode message = choice.path("message");
        String text = message.path("content").asText(null);
        if (text != null && !text.isEmpty()) {
            content.append(text);
            onDelta.accept(text);
        }
        int index = 0;
        for (JsonNode call : message.path("tool_calls")) {
            toolCalls.computeIfAbsent(index, ToolCallBuilder::new).add(call);
            index++;
        }
        readFinishReason(choice);
    }

    /** Content characters received so far. */
    int receivedChars() {
        return content.length();
    }

    /**
     * The completion; its usage is estimated from characters ({@code estimatedInputTokens} and content / 4)
     * when the gateway reported none.
     */
    Completion finish(long estimatedInputTokens) {
        if (!sawChoice) {
            throw GatewayCallException.of(GatewayCallException.Kind.PROTOCOL, "response without choices");
        }
        List<ToolCall> calls = new ArrayList<>(toolCalls.size());
        for (ToolCallBuilder builder : toolCalls.values()) {
            calls.add(builder.build());
        }
        boolean reported = usage != null;
        Usage used = reported ? usage : new Usage(estimatedInputTokens, TokenEstimates.tokens(content.length()));
        return new Completion(model, content.toString(), calls, finishReason, used, reported);
    }

    private JsonNode firstChoice(JsonNode node) {
        JsonNode choices = node.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            return null;
        }
        sawChoice = true;
        return choices.get(0);
    }

    private void readFinishReason(JsonNode choice) {
        String reason = choice.path("finish_reason").asText(null);
        if (reason != null) {
            finishReason = reason;
        }
    }

    private void readUsage(JsonNode node) {
        JsonNode u = node.get("usage");
        if (u != null && u.isObject()) {
            usage = new Usage(
                    u.path("prompt_tokens").asLong(0),
                    u.path("completion_tokens").asLong(0));
        }
    }

    private void failOnError(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            String message = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
            throw new GatewayCallException(
                    GatewayCallException.Kind.PROTOCOL, 0, null, "gateway error: " + message, content.length());
        }
    }

    private static final class ToolCallBuilder {
        private final int index;
        private String id;
        private final StringBuilder name = new StringBuilder();
        private final StringBuilder arguments = new StringBuilder();

        ToolCallBuilder(int index) {
            this.index = index;
        }

        void add(JsonNode fragment) {
            String fragmentId = fragment.path("id").asText(null);
            if (fragmentId != null && !fragmentId.isEmpty()) {
                id = fragmentId;
            }
            JsonNode function = fragment.path("function");
            String fragmentName = function.path("name").asText(null);
            if (fragmentName != null) {
                name.append(fragmentName);
            }
            JsonNode args = function.get("arguments");
            if (args != null && !args.isNull()) {
                arguments.append(args.isTextual() ? args.asText() : args.toString());
            }
        }

        ToolCall build() {
            return new ToolCall(id != null ? id : "call_" + index, name.toString(), arguments.toString());
        }
    }
}
