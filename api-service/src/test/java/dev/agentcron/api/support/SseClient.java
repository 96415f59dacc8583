package dev.agentcron.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream as a client does: messages ({@code id}, {@code data}) and comments. */
public final class SseClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One SSE message; {@code comment} set for a comment line. */
    public record Message(String id, String data, String comment) {

        public boolean isDone() {
            return "[DONE]".equals(data);
        }
    }

    /** An open stream: its status, headers and the messages received so far. */
    public static final class OpenStream {
        public final int status;
        public final Map<String, List<String>> headers;
        public final List<Message> messages = new CopyOnWriteArrayList<>();
        public final StringBuilder body = new StringBuilder();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        OpenStream(int status, Map<String, List<String>> headers) {
            this.status = status;
            this.headers = headers;
        }

        public boolean ended() {
            return ended.isDone();
        }

        /** The messages that carry data (not comments). */
        public List<Message> events() {
            return messages.stream().filter(m -> m.comment() == null).toList();
        }
    }

    private SseClient() {}

    public static OpenStream get(URI uri, String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request.build());
    }

    public static OpenStream post(URI uri, String key, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return open(request.build());
    }

    private static OpenStream open(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            OpenStream stream =
                    new OpenStream(response.statusCode(), response.headers().map());
            Thread reader = new Thread(() -> read(response.body(), stream), "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return stream;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(Stream<String> lines, OpenStream stream) {
        List<String> id = new ArrayList<>(1);
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                synchronized (stream.body) {
                    stream.body.append(line).append('\n');
                }
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        stream.messages.add(new Message(id.isEmpty() ? null : id.get(0), data.toString(), null));
                    }
                    id.clear();
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    stream.messages.add(
                            new Message(null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id.clear();
                    id.add(line.substring(3).strip());
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            });
        } catch (RuntimeException e) {
            // the connection closed under us: the stream ends
        } finally {
            stream.ended.complete(null);
        }
    }
}
