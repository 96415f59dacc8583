package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {

    private final ChatCompletions completions = new ChatCompletions();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersWithTextUsageAndTheRequestedModel() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "my-model", "messages": [
                  {"role": "system", "content": "You are terse"},
                  {"role": "user", "content": "Summarize the open tasks"}]}
                """);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(reply.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("my-model");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).contains("Summarize the open tasks");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isPositive();
        assertThat(usage.path("completion_tokens").asInt()).isPositive();
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt()
                        + usage.path("completion_tokens").asInt());
    }

    @Test
    void answersAtOnceUnlessAMessageAsksForADelay() {
        ChatCompletions.Reply prompt = completions.respond("""
                {"model": "m", "messages": [
                  {"role": "system", "content": "Take your time [stub-delay-ms=1500] and [stub-delay-ms=2500]"},
                  {"role": "user", "content": "Summarize"}]}
                """);
        ChatCompletions.Reply huge = completions.respond("""
                {"model": "m", "stream": true, "messages": [{"role": "user", "content": "[stub-delay-ms=999999999]"}]}
                """);
        ChatCompletions.Reply plain = completions.respond("""
                {"model": "m", "messages": [{"role": "user", "content": "stub-delay-ms=5000"}]}
                """);

        assertThat(prompt.status()).isEqualTo(200);
        assertThat(prompt.delayMillis()).isEqualTo(2500);
        assertThat(huge.delayMillis()).isEqualTo(ChatCompletions.MAX_DELAY_MILLIS);
        assertThat(huge.contentType()).isEqualTo("text/event-stream");
        assertThat(plain.delayMillis()).isZero();
    }

    @Test
    void readsContentGivenAsAnArrayOfParts() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "part one"}]}]}
                """);

        assertThat(json.readTree(reply.body())
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .contains("part one");
    }

    @Test
    void streamsContentChunksThenUsageThenDone() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "Hello there"}]}
                """);

        assertThat(reply.contentType()).isEqualTo("text/event-stream");
        List<String> events = events(reply.body());
        assertThat(events).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(events);
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o-mini");
            if (!chunk.path("choices").isEmpty()) {
                text.append(chunk.path("choices")
                        .get(0)
                        .path("delta")
                        .path("content")
                        .asText(""));
            }
        }
        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(text.toString()).isEqualTo("Stub answer to: Hello there");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("total_tokens").asInt()).isPositive();
    }

    @Test
    void callsRememberWhenOfferedAndNoToolHasAnsweredYet() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "messages": [{"role": "user", "content": "Remember the milk"}],
                 "tools": [{"type": "function", "function": {"name": "http_get"}},
                           {"type": "function", "function": {"name": "remember", "parameters": {"type": "object",
                             "properties": {"content": {"type": "string"}}, "required": ["content"]}}}]}
                """);

        JsonNode choice = json.readTree(reply.body()).path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode call = choice.path("message").path("tool_calls").get(0);
        assertThat(call.path("id").asText()).startsWith("call_");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("remember");
        assertThat(json.readTree(call.path("function").path("arguments").asText())
                        .path("content")
                        .asText())
                .isEqualTo("Remember the milk");
    }

    @Test
    void callsTheFirstOfferedToolWithEmptyArgumentsWhenRememberIsNotOffered() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "messages": [{"role": "user", "content": "What is new?"}],
                 "tools": [{"type": "function", "function": {"name": "recall"}},
                           {"type": "function", "function": {"name": "http_get"}}]}
                """);

        JsonNode call = json.readTree(reply.body())
                .path("choices")
                .get(0)
                .path("message")
                .path("tool_calls")
                .get(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("recall");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{}");
    }

    @Test
    void answersWithTextOnceAToolResultIsInTheConversation() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "tools": [{"type": "function", "function": {"name": "remember"}}],
                 "messages": [
                  {"role": "user", "content": "Remember the milk"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
                    "function": {"name": "remember", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "saved as mem_1"}]}
                """);

        JsonNode choice = json.readTree(reply.body()).path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.path("message").path("content").asText()).contains("saved as mem_1");
    }

    @Test
    void honoursToolChoiceNone() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "tool_choice": "none", "messages": [{"role": "user", "content": "hi"}],
                 "tools": [{"type": "function", "function": {"name": "remember"}}]}
                """);

        assertThat(json.readTree(reply.body())
                        .path("choices")
                        .get(0)
                        .path("finish_reason")
                        .asText())
                .isEqualTo("stop");
    }

    @Test
    void streamsToolCallFragmentsThatJoinIntoArgumentsMatchingTheToolSchema() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "stream": true, "messages": [{"role": "user", "content": "Remember the milk"}],
                 "tools": [{"type": "function", "function": {"name": "remember", "parameters": {"type": "object",
                   "properties": {"content": {"type": "string"}, "weight": {"type": "integer"}},
                   "required": ["content", "weight"]}}}]}
                """);

        List<JsonNode> chunks = chunks(events(reply.body()));
        JsonNode first = chunks.get(0)
                .path("choices")
                .get(0)
                .path("delta")
                .path("tool_calls")
                .get(0);
        assertThat(first.path("id").asText()).startsWith("call_");
        assertThat(first.path("function").path("name").asText()).isEqualTo("remember");
        StringBuilder arguments = new StringBuilder();
        for (JsonNode chunk : chunks) {
            JsonNode calls = chunk.path("choices").path(0).path("delta").path("tool_calls");
            if (calls.isArray()) {
                arguments.append(calls.get(0).path("function").path("arguments").asText(""));
            }
        }
        JsonNode parsed = json.readTree(arguments.toString());
        assertThat(parsed.path("content").asText()).isEqualTo("Remember the milk");
        assertThat(parsed.path("weight").asInt()).isEqualTo(1);
        assertThat(chunks.get(chunks.size() - 2)
                        .path("choices")
                        .get(0)
                        .path("finish_reason")
                        .asText())
                .isEqualTo("tool_calls");
        assertThat(chunks.get(chunks.size() - 1)
                        .path("usage")
                        .path("total_tokens")
                        .asInt())
                .isPositive();
    }

    @Test
    void stopsAtMaxTokensWithFinishReasonLength() throws Exception {
        ChatCompletions.Reply reply = completions.respond("""
                {"model": "m", "max_tokens": 2, "messages": [{"role": "user", "content": "a long question"}]}
                """);

        JsonNode body = json.readTree(reply.body());
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
        assertThat(choice.path("message").path("content").asText()).hasSize(8);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void rejectsRequestsWithoutModelOrMessagesLikeOpenAi() throws Exception {
        for (String body : List.of(
                "not json",
                "[]",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                "{\"model\": \"m\", \"messages\": []}")) {
            ChatCompletions.Reply reply = completions.respond(body);

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(json.readTree(reply.body()).path("error").path("type").asText())
                    .isEqualTo("invalid_request_error");
        }
    }

    @Test
    void listsModels() throws Exception {
        JsonNode models = json.readTree(completions.models());

        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data").findValuesAsText("id")).contains("gpt-4o-mini", "gpt-4.1-mini");
    }

    private static List<String> events(String body) {
        assertThat(body).endsWith("\n\n");
        List<String> events = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ");
            events.add(event.substring("data: ".length()));
        }
        return events;
    }

    private List<JsonNode> chunks(List<String> events) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, events.size() - 1)) {
            chunks.add(json.readTree(event));
        }
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        return chunks;
    }
}
