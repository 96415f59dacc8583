package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/** Tool-call arguments as shown in events: the parsed object, or the raw text when it is not JSON. */
final class ToolArgumentsView {

    private ToolArgumentsView() {}

    static JsonNode of(ObjectMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(raw);
        } catch (IOException e) {
            return TextNode.valueOf(raw);
        }
    }
}
