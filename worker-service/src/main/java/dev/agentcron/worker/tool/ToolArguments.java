package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The arguments of a tool call, checked field by field; every violation is a {@link ToolException}. */
public final class ToolArguments {

    private final ObjectNode node;

    private ToolArguments(ObjectNode node) {
        this.node = node;
    }

    /** Parses the model's argument text; blank means no arguments. */
    public static ToolArguments parse(ObjectMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            return new ToolArguments(mapper.createObjectNode());
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(raw);
        } catch (IOException e) {
            throw new ToolException("arguments are not valid JSON");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new ToolException("arguments must be a JSON object");
        }
        return new ToolArguments(object);
    }

    public ObjectNode node() {
        return node;
    }

    /** A string that must be present and non-blank, at most {@code maxChars} long. */
    public String requiredString(String field, int maxChars) {
        String value = optionalString(field, maxChars);
        if (value == null || value.isBlank()) {
            throw new ToolException("'" + field + "' is required");
        }
        return value;
    }

    /** A string or null, at most {@code maxChars} long. */
    public String optionalString(String field, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ToolException("'" + field + "' must be a string");
        }
        if (value.asText().length() > maxChars) {
            throw new ToolException("'" + field + "' must be at most " + maxChars + " characters");
        }
        return value.asText();
    }

    /** An integer in [min, max], or {@code fallback} when absent. */
    public int optionalInt(String field, int min, int max, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ToolException("'" + field + "' must be an integer");
        }
        int number = value.asInt();
        if (number < min || number > max) {
            throw new ToolException("'" + field + "' must be between " + min + " and " + max);
        }
        return number;
    }

    /** A list of strings (at most {@code maxItems}, each at most {@code maxChars}), empty when absent. */
    public List<String> optionalStrings(String field, int maxItems, int maxChars) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw new ToolException("'" + field + "' must be an array of at most " + maxItems + " strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().length() > maxChars) {
                throw new ToolException("'" + field + "' items must be strings of at most " + maxChars + " characters");
            }
            out.add(item.asText());
        }
        return out;
    }
}
