package dev.agentcron.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.config.ModelCatalog;
import dev.agentcron.worker.config.GatewayConfig;
import dev.agentcron.worker.gateway.Attempt;
import dev.agentcron.worker.gateway.CallHooks;
import dev.agentcron.worker.gateway.ChatMessage;
import dev.agentcron.worker.gateway.ChatRequest;
import dev.agentcron.worker.gateway.Completion;
import dev.agentcron.worker.gateway.GatewayClient;
import dev.agentcron.worker.gateway.ModelCaller;
import dev.agentcron.worker.gateway.ModelPricing;
import dev.agentcron.worker.gateway.ResiliencePolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worker's own overhead per model call: {@code viaWorker} (request JSON, {@link GatewayClient} with its
 * timeouts, SSE parsing and reassembly, {@link ModelCaller} with the resilience policy and circuit, costing and
 * a step's accounting, no PostgreSQL) against {@code directHttp} (the same request bytes posted with a plain
 * Vert.x HTTP client, whole body read) to the same instant local stub of a streamed chat completion. The
 * overhead is the difference of the two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
public class GatewayOverheadBenchmark {

    private static final String MODEL = "bench-model";

    private Vertx vertx;
    private HttpServer stub;
    private HttpClient plainClient;
    private RequestOptions plainRequest;
    private Buffer requestBody;
    private ModelCaller caller;
    private ModelPricing pricing;
    private ChatRequest request;
    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() {
        vertx = Vertx.vertx();
        mapper = new ObjectMapper();
        Buffer answer = Buffer.buffer(streamedAnswer());
        stub = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.body().subscribe().with(body -> req.response()
                        .putHeader("Content-Type", "text/event-stream")
                        .endAndForget(answer)))
                .listen()
                .await()
                .atMost(Duration.ofSeconds(10));
        String baseUrl = "http://127.0.0.1:" + stub.actualPort() + "/v1";

        request = new ChatRequest(
                List.of(
                        ChatMessage.system("You are a concise assistant. Answer in one short paragraph."),
                        ChatMessage.user("Summarize the state of the open tasks for the morning digest.")),
                List.of(),
                512,
                0.2);
        BenchConfig config = new BenchConfig(baseUrl);
        GatewayClient client = new GatewayClient(vertx, config, mapper);
        caller = new ModelCaller(client, new ResiliencePolicy(config), vertx);
        pricing = new ModelPricing(new BenchCatalog());

        plainClient = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        plainRequest = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl + "/chat/completions")
                .putHeader("Content-Type", "application/json");
        requestBody = Buffer.buffer(requestJson());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vertx.closeAndAwait();
    }

    /** Baseline: the same request bytes through a plain HTTP client, the whole body read. */
    @Benchmark
    public int directHttp() {
        return plainClient
                .request(plainRequest)
                .chain(req -> req.send(requestBody))
                .chain(response -> response.body())
                .await()
                .indefinitely()
                .length();
    }

    /** The worker's path: model caller, gateway client, SSE parsing, costing and step accounting. */
    @Benchmark
    public BigDecimal viaWorker() {
        Accounting accounting = new Accounting();
        Completion completion =
                caller.call(List.of(MODEL), request, accounting).await().indefinitely();
        return accounting.cost.add(BigDecimal.valueOf(completion.content().length()));
    }

    /** What a run does per attempt, minus the database write. */
    private final class Accounting implements CallHooks {
        private final StringBuilder streamed = new StringBuilder();
        private BigDecimal cost = BigDecimal.ZERO;
        private long tokens;
        private ObjectNode lastStep;

        @Override
        public Uni<Void> beforeAttempt(String model, ChatRequest request) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public void onDelta(String text) {
            streamed.append(text);
        }

        @Override
        public Uni<Void> afterAttempt(Attempt attempt) {
            BigDecimal attemptCost = pricing.cost(attempt.model(), attempt.usage());
            cost = cost.add(attemptCost);
            tokens += attempt.usage().inputTokens() + attempt.usage().outputTokens();
            lastStep = mapper.createObjectNode()
                    .put("model", attempt.model())
                    .put("outcome", attempt.outcome().value())
                    .put("input_tokens", attempt.usage().inputTokens())
                    .put("output_tokens", attempt.usage().outputTokens())
                    .put("cost_usd", attemptCost)
                    .put("duration_ms", attempt.durationMs());
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> stopped() {
            return Uni.createFrom().nothing();
        }

        @Override
        public Throwable stopFailure() {
            return null;
        }
    }

    private String requestJson() {
        ObjectNode body = mapper.createObjectNode().put("model", MODEL);
        var messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("max_tokens", 512).put("temperature", 0.2).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body.toString();
    }

    private static String streamedAnswer() {
        StringBuilder out = new StringBuilder();
        String[] pieces = {
            "Three",
            " tasks",
            " are",
            " open:",
            " the",
            " release",
            " notes,",
            " the",
            " invoice",
            " run",
            " and",
            " the",
            " on-call",
            " handover.",
            " Nothing",
            " is",
            " overdue."
        };
        out.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n");
        for (String piece : pieces) {
            out.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n");
        }
        out.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        out.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":17,\"total_tokens\":59}}\n\n");
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    /** The gateway settings of a default deployment, pointed at the stub. */
    private record BenchConfig(String baseUrl) implements GatewayConfig {
        @Override
        public Optional<String> apiKey() {
            return Optional.empty();
        }

        @Override
        public boolean stream() {
            return true;
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration firstByteTimeout() {
            return Duration.ofSeconds(60);
        }

        @Override
        public Duration idleTimeout() {
            return Duration.ofSeconds(30);
        }

        @Override
        public int maxRetries() {
            return 2;
        }

        @Override
        public Duration backoffBase() {
            return Duration.ofMillis(500);
        }

        @Override
        public Duration backoffMax() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration retryAfterMax() {
            return Duration.ofSeconds(60);
        }

        @Override
        public int circuitFailureThreshold() {
            return 5;
        }

        @Override
        public Duration circuitOpenDuration() {
            return Duration.ofSeconds(30);
        }

        @Override
        public int maxConnections() {
            return 64;
        }

        @Override
        public int errorBodyChars() {
            return 500;
        }
    }

    private static final class BenchCatalog implements ModelCatalog {
        private static final ModelPrice PRICE = new ModelPrice() {
            @Override
            public BigDecimal inputUsdPerMtok() {
                return new BigDecimal("0.15");
            }

            @Override
            public BigDecimal outputUsdPerMtok() {
                return new BigDecimal("0.60");
            }
        };

        @Override
        public Map<String, ModelPrice> models() {
            return Map.of(MODEL, PRICE);
        }

        @Override
        public String defaultModel() {
            return MODEL;
        }
    }
}
