package dev.agentcron.worker.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the JSON body of {@code POST /chat/completions}. */
final class ChatRequestWriter {

    private final ObjectMapper mapper;

    ChatRequestWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] write(String model, ChatRequest request, boolean stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + request.chars() * 2);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("model", model);
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                writeMessage(json, message);
            }
            json.writeEndArray();
            json.writeNumberField("max_tokens", request.maxTokens());
            if (request.temperature() != null) {
                json.writeNumberField("temperature", request.temperature());
            }
            if (!request.tools().isEmpty()) {
                json.writeArrayFieldStart("tools");
                for (FunctionTool tool : request.tools()) {
                    json.writeStartObject();
                    json.writeStringField("type", "function");
                    json.writeObjectFieldStart("function");
                    json.writeStringField("name", tool.name());
                    json.writeStringField("description", tool.description());
                    json.writeFieldName("parameters");
                    mapper.writeTree(json, tool.parameters());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (stream) {
                json.writeBooleanField("stream", true);
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a chat request", e);
        }
        return out.toByteArray();
    }

    private static void writeMessage(JsonGenerator json, ChatMessage message) throws IOException {
        json.writeStartObject();
        json.writeStringField("role", message.role());
        if (message.content() == null) {
            json.writeNullField("content");
        } else {
            json.writeStringField("content", message.content());
        }
        if (!message.toolCalls().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                json.writeStartObject();
                json.writeStringField("id", call.id());
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeStringField("arguments", call.arguments());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (message.toolCallId() != null) {
            json.writeStringField("tool_call_id", message.toolCallId());
        }
        json.writeEndObject();
    }
}
