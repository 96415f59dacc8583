package dev.agentcron.api.event.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentcron.api.common.error.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subscription's {@code input_mapping}: a JSON object whose strings may hold placeholders
 * {@code {event.topic}}, {@code {event.id}}, {@code {event.data}} and {@code {event.data.<path>}} (dot-separated
 * field names, numbers index arrays). A string that is exactly one placeholder becomes the value with its JSON
 * type ({@code null} when the path is missing); placeholders inside longer text are replaced by the value's
 * text (strings as they are, other values as JSON, a missing path as {@code null}). Without a mapping a run's
 * input is {@code {"event": {"id", "topic", "data"}}}.
 */
public final class InputTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("event\\.(topic|id|data(\\.[^.\\s]+)*)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The event a template is rendered against. */
    public record Event(String id, String topic, JsonNode data) {}

    private InputTemplate() {}

    /** Why {@code template} is not a valid mapping (empty when it is, or when it is absent). */
    public static List<FieldError> check(String field, JsonNode template) {
        List<FieldError> errors = new ArrayList<>();
        if (template == null || template.isNull()) {
            return errors;
        }
        if (!template.isObject()) {
            errors.add(new FieldError(field, "must be a JSON object"));
            return errors;
        }
        checkNode(field, template, errors);
        return errors;
    }

    private static void checkNode(String path, JsonNode node, List<FieldError> errors) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkNode(path + "." + field.getKey(), field.getValue(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNode(path + "[" + i + "]", node.get(i), errors);
            }
        } else if (node.isTextual()) {
            Matcher placeholders = PLACEHOLDER.matcher(node.textValue());
            while (placeholders.find()) {
                String reference = placeholders.group(1).strip();
                if (!REFERENCE.matcher(reference).matches()) {
                    errors.add(new FieldError(
                            path,
                            "placeholder {" + placeholders.group(1) + "} refers outside the event: use {event.topic},"
                                    + " {event.id}, {event.data} or {event.data.<path>}"));
                }
            }
        }
    }

    /** The run input for {@code event}: the rendered template, or the whole event without one. */
    public static JsonNode render(JsonNode template, Event event) {
        if (template == null || template.isNull()) {
            ObjectNode input = NODES.objectNode();
            ObjectNode whole = input.putObject("event");
            whole.put("id", event.id());
            whole.put("topic", event.topic());
            whole.set(
                    "data",
                    event.data() == null ? NODES.objectNode() : event.data().deepCopy());
            return input;
        }
        return renderNode(template, event);
    }

    private static JsonNode renderNode(JsonNode node, Event event) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), renderNode(field.getValue(), event));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            node.forEach(item -> out.add(renderNode(item, event)));
            return out;
        }
        if (node.isTextual()) {
            return renderText(node.textValue(), event);
        }
        return node;
    }

    private static JsonNode renderText(String text, Event event) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        if (placeholders.matches()) {
            JsonNode value = resolve(placeholders.group(1).strip(), event);
            return value == null ? NODES.nullNode() : value.deepCopy();
        }
        placeholders.reset();
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (placeholders.find()) {
            JsonNode value = resolve(placeholders.group(1).strip(), event);
            String replacement =
                    value == null || value.isNull() ? "null" : value.isTextual() ? value.textValue() : value.toString();
            placeholders.appendReplacement(out, Matcher.quoteReplacement(replacement));
            replaced = true;
        }
        if (!replaced) {
            return TextNode.valueOf(text);
        }
        placeholders.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    /** The value a reference names; null when the path does not exist. */
    private static JsonNode resolve(String reference, Event event) {
        switch (reference) {
            case "event.topic":
                return TextNode.valueOf(event.topic());
            case "event.id":
                return TextNode.valueOf(event.id());
            case "event.data":
                return event.data();
            default:
                break;
        }
        if (!reference.startsWith("event.data.")) {
            return null;
        }
        JsonNode node = event.data();
        for (String segment : reference.substring("event.data.".length()).split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && isIndex(segment) ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
