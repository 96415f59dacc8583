package dev.agentcron.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway stub's answers to OpenAI chat completion requests, computed from the request alone so that
 * every run is reproducible:
 *
 * <ul>
 *   <li>a text answer that quotes the last user message (or, after a tool result, the tool's answer), with
 *       {@code usage} estimated at four characters per token and {@code max_tokens} /
 *       {@code max_completion_tokens} honoured ({@code finish_reason: length});
 *   <li>when the request offers {@code tools} and holds no {@code role: tool} message yet (and
 *       {@code tool_choice} is not {@code none}), one tool call: {@code remember} (else the first offered tool) with arguments satisfying its schema
 *       when offered, else the named {@code tool_choice}, else the first offered tool with {@code {}};
 *   <li>{@code "stream": true}: the same answer as {@code text/event-stream} chunks (content or tool-call
 *       fragments), a final chunk carrying {@code usage} (as with {@code stream_options.include_usage}) and
 *       {@code data: [DONE]}.
 * </ul>
 *
 * The requested {@code model} is echoed in every response. A message that holds {@code [stub-delay-ms=N]}
 * (in the agent's prompt, say) makes the stub answer that request after {@code N} milliseconds (at most
 * {@value #MAX_DELAY_MILLIS}), like a slow model: tests use it to keep runs busy. A streamed answer for a model
 * whose id ends in {@value #SLOW_SUFFIX} is paced: its events arrive over {@value #SLOW_MILLIS_PER_EVENT} ms each (for tests and
 * demos of long answers).
 */
final class ChatCompletions {

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";
    static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4.1-mini", "gpt-4o", "gpt-4.1");

    private static final int CHARS_PER_TOKEN = 4;
    private static final int QUOTE_LENGTH = 120;
    private static final String PREFERRED_TOOL = "remember";
    static final int MAX_DELAY_MILLIS = 600_000;
    private static final Pattern DELAY = Pattern.compile("\\[stub-delay-ms=(\\d{1,9})]");

    private final ObjectMapper json = new ObjectMapper();

    static final String SLOW_SUFFIX = "-slow";
    static final int SLOW_MILLIS_PER_EVENT = 150;

    /**
     * One HTTP answer, sent after {@code delayMillis}; {@code events} and {@code paceMillis} set for a paced
     * stream.
     */
    record Reply(int status, String contentType, String body, int delayMillis, int events, long paceMillis) {

        Reply(int status, String contentType, String body) {
            this(status, contentType, body, 0, 0, 0);
        }

        boolean paced() {
            return paceMillis > 0 && events > 0;
        }
    }

    /** What the assistant says: either text or one tool call. */
    private record Answer(String text, String toolName, String toolArguments, String finishReason) {

        boolean isToolCall() {
            return toolName != null;
        }
    }

    Reply respond(String requestBody) {
        JsonNode request;
        try {
            request = json.readTree(requestBody == null ? "" : requestBody);
        } catch (JsonProcessingException e) {
            return error(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return error(400, "The request body must be a JSON object");
        }
        String model = request.path("model").asText("");
        if (model.isBlank()) {
            return error(400, "you must provide a model parameter");
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return error(400, "'messages' must be a non-empty array");
        }
        Answer answer = answer(request, messages);
        Usage usage = new Usage(promptTokens(request), tokens(answer));
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        int delay = delayMillis(messages);
        if (request.path("stream").asBoolean(false)) {
            String body = stream(id, created, model, answer, usage);
            if (model.endsWith(SLOW_SUFFIX)) {
                int events = body.split("\n\n").length;
                return new Reply(200, EVENT_STREAM, body, delay, events, (long) events * SLOW_MILLIS_PER_EVENT);
            }
            return new Reply(200, EVENT_STREAM, body, delay, 0, 0);
        }
        return new Reply(200, JSON, completion(id, created, model, answer, usage), delay, 0, 0);
    }

    /** The largest {@code [stub-delay-ms=N]} found in any message, capped; 0 when none asks for a delay. */
    private static int delayMillis(JsonNode messages) {
        long delay = 0;
        for (JsonNode message : messages) {
            Matcher m = DELAY.matcher(text(message.path("content")));
            while (m.find()) {
                delay = Math.max(delay, Long.parseLong(m.group(1)));
            }
        }
        return (int) Math.min(delay, MAX_DELAY_MILLIS);
    }

    /** {@code GET /v1/models}. */
    String models() {
        ObjectNode body = json.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String model : MODELS) {
            data.addObject()
                    .put("id", model)
                    .put("object", "model")
                    .put("created", 1_700_000_000L)
                    .put("owned_by", "agentcron-stub");
        }
        return body.toString();
    }

    private Answer answer(JsonNode request, JsonNode messages) {
        Optional<String> tool = toolToCall(request, messages);
        if (tool.isPresent()) {
            String note = quote(lastContent(messages, "user").orElse("a note from the stub gateway"));
            return new Answer(
                    null, tool.get(), arguments(request, tool.get(), note).toString(), "tool_calls");
        }
        String text = lastContent(messages, "tool")
                .map(result -> "Done. The tool answered: " + quote(result))
                .orElseGet(() ->
                        "Stub answer to: " + quote(lastContent(messages, "user").orElse("(no user message)")));
        int maxTokens = request.path("max_completion_tokens")
                .asInt(request.path("max_tokens").asInt(Integer.MAX_VALUE));
        if (maxTokens > 0 && tokens(text) > maxTokens) {
            return new Answer(text.substring(0, maxTokens * CHARS_PER_TOKEN), null, null, "length");
        }
        return new Answer(text, null, null, "stop");
    }

    /**
     * Arguments that satisfy the tool's JSON schema: every required property gets a value of its type (strings
     * get {@code note}), so the worker runs the call rather than refusing it.
     */
    private ObjectNode arguments(JsonNode request, String toolName, String note) {
        ObjectNode arguments = json.createObjectNode();
        for (JsonNode tool : request.path("tools")) {
            JsonNode function = tool.path("function");
            if (!toolName.equals(function.path("name").asText())) {
                continue;
            }
            JsonNode properties = function.path("parameters").path("properties");
            for (JsonNode required : function.path("parameters").path("required")) {
                String name = required.asText();
                switch (properties.path(name).path("type").asText("string")) {
                    case "integer", "number" -> arguments.put(name, 1);
                    case "boolean" -> arguments.put(name, true);
                    case "array" -> arguments.putArray(name);
                    case "object" -> arguments.putObject(name);
                    default -> arguments.put(name, note);
                }
            }
        }
        return arguments;
    }

    private static Optional<String> toolToCall(JsonNode request, JsonNode messages) {
        JsonNode tools = request.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode message : messages) {
            if ("tool".equals(message.path("role").asText())) {
                return Optional.empty();
            }
        }
        JsonNode choice = request.path("tool_choice");
        if ("none".equals(choice.asText())) {
            return Optional.empty();
        }
        List<String> offered = new ArrayList<>();
        tools.forEach(tool -> offered.add(tool.path("function").path("name").asText()));
        String named = choice.path("function").path("name").asText("");
        if (offered.contains(named)) {
            return Optional.of(named);
        }
        if (offered.contains(PREFERRED_TOOL)) {
            return Optional.of(PREFERRED_TOOL);
        }
        return Optional.of(offered.get(0));
    }

    /** The text of the last message with {@code role}; content may be a string or an array of parts. */
    private static Optional<String> lastContent(JsonNode messages, String role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (role.equals(message.path("role").asText())) {
                return Optional.of(text(message.path("content")));
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            content.forEach(part -> text.append(part.path("text").asText("")));
        }
        return text.toString();
    }

    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= QUOTE_LENGTH ? flat : flat.substring(0, QUOTE_LENGTH) + "...";
    }

    private record Usage(int prompt, int completion) {}

    private static int promptTokens(JsonNode request) {
        int characters = request.path("messages").toString().length()
                + request.path("tools").toString().length();
        return tokens(characters);
    }

    private static int tokens(Answer answer) {
        return answer.isToolCall() ? tokens(answer.toolName() + answer.toolArguments()) : tokens(answer.text());
    }

    private static int tokens(String text) {
        return tokens(text.length());
    }

    private static int tokens(int characters) {
        return Math.max(1, (characters + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    private String completion(String id, long created, String model, Answer answer, Usage usage) {
        ObjectNode body = envelope(id, "chat.completion", created, model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (answer.isToolCall()) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", callId(id)).put("type", "function");
            call.putObject("function").put("name", answer.toolName()).put("arguments", answer.toolArguments());
        } else {
            message.put("content", answer.text());
        }
        message.putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", answer.finishReason());
        usage(body, usage);
        return body.toString();
    }

    private String stream(String id, long created, String model, Answer answer, Usage usage) {
        StringBuilder events = new StringBuilder();
        if (answer.isToolCall()) {
            ObjectNode first = chunk(id, created, model, delta -> {
                delta.put("role", "assistant").putNull("content");
                ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0);
                call.put("id", callId(id)).put("type", "function");
                call.putObject("function").put("name", answer.toolName()).put("arguments", "");
            });
            event(events, first);
            for (String fragment : fragments(answer.toolArguments(), 3)) {
                event(events, chunk(id, created, model, delta -> delta.putArray("tool_calls")
                        .addObject()
                        .put("index", 0)
                        .putObject("function")
                        .put("arguments", fragment)));
            }
        } else {
            event(events, chunk(id, created, model, delta -> delta.put("role", "assistant")
                    .put("content", "")));
            for (String piece : words(answer.text())) {
                event(events, chunk(id, created, model, delta -> delta.put("content", piece)));
            }
        }
        ObjectNode last = chunk(id, created, model, delta -> {});
        ((ObjectNode) last.path("choices").get(0)).put("finish_reason", answer.finishReason());
        event(events, last);
        ObjectNode usageChunk = envelope(id, "chat.completion.chunk", created, model);
        usageChunk.putArray("choices");
        usage(usageChunk, usage);
        event(events, usageChunk);
        events.append("data: [DONE]\n\n");
        return events.toString();
    }

    private ObjectNode chunk(String id, long created, String model, Consumer<ObjectNode> delta) {
        ObjectNode chunk = envelope(id, "chat.completion.chunk", created, model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs").putNull("finish_reason");
        return chunk;
    }

    private ObjectNode envelope(String id, String object, long created, String model) {
        return json.createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", model);
    }

    private static void usage(ObjectNode body, Usage usage) {
        body.putObject("usage")
                .put("prompt_tokens", usage.prompt())
                .put("completion_tokens", usage.completion())
                .put("total_tokens", usage.prompt() + usage.completion());
    }

    private static void event(StringBuilder events, ObjectNode data) {
        events.append("data: ").append(data).append("\n\n");
    }

    private static String callId(String completionId) {
        return "call_" + completionId.substring(completionId.length() - 24);
    }

    /** The text split after each space, so that joining the pieces gives the text back. */
    private static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    private static List<String> fragments(String text, int count) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (text.length() + count - 1) / count);
        for (int start = 0; start < text.length(); start += size) {
            pieces.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        return pieces;
    }

    private Reply error(int status, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", "invalid_request_error")
                .putNull("param")
                .putNull("code");
        return new Reply(status, JSON, body.toString());
    }
}
