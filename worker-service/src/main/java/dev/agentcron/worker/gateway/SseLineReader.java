package dev.agentcron.worker.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a server-sent-events body, arriving in arbitrary byte chunks, into events: {@code data:} lines are
 * joined until a blank line (or the end of the body) and handed over as one payload. Lines are cut on bytes,
 * so a UTF-8 character split across chunks stays whole.
 */
final class SseLineReader {

    private final Consumer<String> onData;
    private byte[] pending = new byte[1024];
    private int pendingLength;
    private StringBuilder data;

    SseLineReader(Consumer<String> onData) {
        this.onData = onData;
    }

    void feed(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line(bytes, start, i);
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            keep(bytes, start, bytes.length);
        }
    }

    /** The end of the body: a last event without its blank line still counts. */
    void end() {
        if (pendingLength > 0) {
            handleLine(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
            pendingLength = 0;
        }
        dispatch();
    }

    private void line(byte[] bytes, int start, int end) {
        String line;
        if (pendingLength > 0) {
            keep(bytes, start, end);
            line = new String(pending, 0, pendingLength, StandardCharsets.UTF_8);
            pendingLength = 0;
        } else {
            line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
        handleLine(line);
    }

    private void keep(byte[] bytes, int start, int end) {
        int length = end - start;
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(bytes, start, pending, pendingLength, length);
        pendingLength += length;
    }

    private void handleLine(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
        // comments (":"), "event:", "id:" and "retry:" lines carry nothing a chat completion needs
    }

    private void dispatch() {
        if (data != null) {
            String payload = data.toString();
            data = null;
            onData.accept(payload);
        }
    }
}
