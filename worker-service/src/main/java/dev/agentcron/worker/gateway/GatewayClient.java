package dev.agentcron.worker.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.worker.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One call of an OpenAI-compatible {@code POST /chat/completions}, no retries (those are {@link
 * ResiliencePolicy}'s): streaming SSE with {@code stream_options.include_usage} or plain JSON, through the
 * Vert.x reactive HTTP client. Timeouts: connect, first byte (response headers), idle between body chunks.
 * Cancelling the returned {@link Uni} resets the HTTP request.
 */
@ApplicationScoped
public class GatewayClient {

    private final Vertx vertx;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final ChatRequestWriter writer;
    private final HttpClient http;
    private final String endpoint;

    public GatewayClient(Vertx vertx, GatewayConfig config, ObjectMapper mapper) {
        this.vertx = vertx;
        this.config = config;
        this.mapper = mapper;
        this.writer = new ChatRequestWriter(mapper);
        this.endpoint = endpoint(config.baseUrl());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setName("agentcron-gateway"));
    }

    private static String endpoint(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri = URI.create(base + "/chat/completions");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("agentcron.gateway.base-url must be http or https: " + baseUrl);
        }
        return uri.toString();
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /**
     * Calls {@code model} once. Content deltas go to {@code onDelta} as they arrive (on an event-loop thread:
     * it must not block). Fails with {@link GatewayCallException}.
     */
    public Uni<Completion> complete(String model, ChatRequest request, Consumer<String> onDelta) {
        return Uni.createFrom().emitter(emitter -> new Exchange(model, request, onDelta, emitter).start());
    }

    /** The state of one HTTP exchange; settles its emitter exactly once. */
    private final class Exchange {
        private final String model;
        private final ChatRequest request;
        private final UniEmitter<? super Completion> emitter;
        private final CompletionAssembler assembler;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile HttpClientRequest httpRequest;
        private volatile long firstByteTimer = -1;
        private volatile long idleTimer = -1;
        private volatile long lastChunkNanos;

        Exchange(String model, ChatRequest request, Consumer<String> onDelta, UniEmitter<? super Completion> emitter) {
            this.model = model;
            this.request = request;
            this.emitter = emitter;
            this.assembler = new CompletionAssembler(model, onDelta);
        }

        void start() {
            emitter.onTermination(this::abort);
            Buffer body = Buffer.buffer(writer.write(model, request, config.stream()));
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(endpoint)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", config.stream() ? "text/event-stream" : "application/json");
            config.apiKey().ifPresent(key -> options.putHeader("Authorization", "Bearer " + key));
            long firstByte = config.firstByteTimeout().toMillis()
                    + config.connectTimeout().toMillis();
            firstByteTimer = vertx.setTimer(
                    firstByte,
                    id -> fail(GatewayCallException.of(
                            GatewayCallException.Kind.FIRST_BYTE_TIMEOUT,
                            "no response within " + config.firstByteTimeout().toMillis() + " ms")));
            http.request(options).subscribe().with(req -> send(req, body), this::connectFailed);
        }

        private void send(HttpClientRequest req, Buffer body) {
            httpRequest = req;
            if (settled.get()) {
                req.reset();
                return;
            }
            req.send(body).subscribe().with(this::onResponse, this::connectionLost);
        }

        private void onResponse(HttpClientResponse response) {
            vertx.cancelTimer(firstByteTimer);
            if (settled.get()) {
                return;
            }
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                Duration retryAfter = retryAfter(response.getHeader("Retry-After"));
                response.body()
                        .subscribe()
                        .with(
                                body -> fail(httpError(status, retryAfter, body.toString())),
                                err -> fail(httpError(status, retryAfter, "")));
                return;
            }
            String contentType = response.getHeader("Content-Type");
            boolean sse = config.stream() && (contentType == null || contentType.startsWith("text/event-stream"));
            BodyReader reader = sse ? new StreamReader() : new WholeReader();
            lastChunkNanos = System.nanoTime();
            scheduleIdleCheck(config.idleTimeout().toMillis());
            response.exceptionHandler(this::connectionLost);
            response.handler(chunk -> {
                lastChunkNanos = System.nanoTime();
                if (settled.get()) {
                    return;
                }
                try {
                    reader.feed(chunk.getBytes());
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
            response.endHandler(() -> {
                try {
                    Completion completion = reader.end();
                    if (settled.compareAndSet(false, true)) {
                        vertx.cancelTimer(idleTimer);
                        emitter.complete(completion);
                    }
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
        }

        private void scheduleIdleCheck(long delayMillis) {
            idleTimer = vertx.setTimer(Math.max(1, delayMillis), id -> checkIdle());
        }

        private void checkIdle() {
            if (settled.get()) {
                return;
            }
            long idleMillis = (System.nanoTime() - lastChunkNanos) / 1_000_000;
            long limit = config.idleTimeout().toMillis();
            if (idleMillis >= limit) {
                fail(new GatewayCallException(
                        GatewayCallException.Kind.IDLE_TIMEOUT,
                        0,
                        null,
                        "stream idle for " + idleMillis + " ms",
                        assembler.receivedChars()));
            } else {
                scheduleIdleCheck(limit - idleMillis);
            }
        }

        private GatewayCallException httpError(int status, Duration retryAfter, String body) {
            String snippet =
                    body.length() > config.errorBodyChars() ? body.substring(0, config.errorBodyChars()) + "…" : body;
            String message = "HTTP " + status + (snippet.isBlank() ? "" : ": " + snippet.strip());
            return new GatewayCallException(GatewayCallException.Kind.HTTP_STATUS, status, retryAfter, message, 0);
        }

        private void connectFailed(Throwable failure) {
            fail(GatewayCallException.of(
                    GatewayCallException.Kind.CONNECT, "cannot connect to the gateway: " + describe(failure)));
        }

        private void connectionLost(Throwable failure) {
            fail(new GatewayCallException(
                    GatewayCallException.Kind.CONNECTION_LOST,
                    0,
                    null,
                    "connection lost: " + describe(failure),
                    assembler.receivedChars()));
        }

        private void fail(Throwable failure) {
            if (settled.compareAndSet(false, true)) {
                cancelTimersAndReset();
                emitter.fail(failure);
            }
        }

        /** Cancelled by the caller (run stopped, timed out, lost its lease). */
        private void abort() {
            if (settled.compareAndSet(false, true)) {
                cancelTimersAndReset();
            }
        }

        private void cancelTimersAndReset() {
            vertx.cancelTimer(firstByteTimer);
            vertx.cancelTimer(idleTimer);
            HttpClientRequest req = httpRequest;
            if (req != null) {
                req.reset();
            }
        }

        private long estimatedInputTokens() {
            return TokenEstimates.inputTokens(request);
        }

        private interface BodyReader {
            void feed(byte[] bytes);

            Completion end();
        }

        /** {@code text/event-stream}: one chunk JSON per {@code data:} event, {@code [DONE]} at the end. */
        private final class StreamReader implements BodyReader {
            private final SseLineReader lines = new SseLineReader(this::onData);

            @Override
            public void feed(byte[] bytes) {
                lines.feed(bytes);
            }

            @Override
            public Completion end() {
                lines.end();
                return assembler.finish(estimatedInputTokens());
            }

            private void onData(String payload) {
                if ("[DONE]".equals(payload)) {
                    return;
                }
                assembler.chunk(parse(payload));
            }
        }

        /** {@code application/json}: the whole response at once. */
        private final class WholeReader implements BodyReader {
            private final Buffer body = Buffer.buffer();

            @Override
            public void feed(byte[] bytes) {
                body.appendBytes(bytes);
            }

            @Override
            public Completion end() {
                assembler.whole(parse(body.toString()));
                return assembler.finish(estimatedInputTokens());
            }
        }

        private JsonNode parse(String json) {
            try {
                return mapper.readTree(json);
            } catch (IOException e) {
                throw new GatewayCallException(
                        GatewayCallException.Kind.PROTOCOL,
                        0,
                        null,
                        "malformed JSON from the gateway: " + e.getMessage(),
                        assembler.receivedChars());
            }
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null
                ? failure.getMessage()
                : failure.getClass().getSimpleName();
    }

    /** A {@code Retry-After} value: seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
