package dev.agentcron.worker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSE splitting and chunk reassembly, fed byte chunks cut at awkward places. */
class CompletionParsingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eventsSurviveChunksCutInsideLinesAndInsideMultiByteCharacters() {
        String body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9\"}}]}\r\n\r\n"
                + ": keep-alive comment\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\ud83c\udf0d\"}}]}\n\n"
                + "data: [DONE]\n\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            List<String> events = new ArrayList<>();
            SseLineReader reader = new SseLineReader(events::add);
            reader.feed(slice(bytes, 0, cut));
            reader.feed(slice(bytes, cut, bytes.length));
            reader.end();
            assertThat(events)
                    .as("cut at byte %d", cut)
                    .containsExactly(
                            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9\"}}]}",
                            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\ud83c\udf0d\"}}]}",
                            "[DONE]");
        }
    }

    @Test
    void aLastEventWithoutItsBlankLineStillCounts() {
        List<String> events = new ArrayList<>();
        SseLineReader reader = new SseLineReader(events::add);
        reader.feed("data: {\"a\":1}".getBytes(StandardCharsets.UTF_8));
        reader.end();
        assertThat(events).containsExactly("{\"a\":1}");
    }

    @Test
    void interleavedToolCallFragmentsAreReassembledByIndex() throws Exception {
        List<String> deltas = new ArrayList<>();
        CompletionAssembler assembler = new CompletionAssembler("m", deltas::add);
        assembler.chunk(MAPPER.readTree("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
                + "{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"remember\",\"arguments\":\"{\\\"con\"}},"
                + "{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"recall\",\"arguments\":\"\"}}]}}]}"));
        assembler.chunk(MAPPER.readTree("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
                + "{\"index\":1,\"function\":{\"arguments\":\"{\\\"query\\\": \\\"x\\\"}\"}}]}}]}"));
        assembler.chunk(MAPPER.readTree("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
                + "{\"index\":0,\"function\":{\"arguments\":\"tent\\\": \\\"y\\\"}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}"));
        assembler.chunk(MAPPER.readTree("{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}"));

        Completion completion = assembler.finish(99);

        assertThat(completion.toolCalls())
                .containsExactly(
                        new ToolCall("call_a", "remember", "{\"content\": \"y\"}"),
                        new ToolCall("call_b", "recall", "{\"query\": \"x\"}"));
        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.usage()).isEqualTo(new Usage(7, 3));
        assertThat(completion.usageReported()).isTrue();
        assertThat(deltas).isEmpty();
    }

    @Test
    void aResponseWithoutUsageGetsAConservativeEstimate() throws Exception {
        CompletionAssembler assembler = new CompletionAssembler("m", text -> {});
        assembler.whole(MAPPER.readTree(
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"123456789\"},"
                        + "\"finish_reason\":\"stop\"}]}"));

        Completion completion = assembler.finish(40);

        assertThat(completion.content()).isEqualTo("123456789");
        assertThat(completion.usage()).isEqualTo(new Usage(40, 3));
        assertThat(completion.usageReported()).isFalse();
    }

    @Test
    void anErrorObjectInTheStreamFailsTheAttempt() throws Exception {
        CompletionAssembler assembler = new CompletionAssembler("m", text -> {});
        assertThatThrownBy(() -> assembler.chunk(MAPPER.readTree("{\"error\":{\"message\":\"overloaded\"}}")))
                .isInstanceOf(GatewayCallException.class)
                .hasMessageContaining("overloaded");
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}
