package dev.agentcron.worker.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway client alone, against WireMock: the non-streaming path and the first-byte timeout. */
class GatewayClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ChatRequest REQUEST =
            new ChatRequest(List.of(ChatMessage.system("s"), ChatMessage.user("u")), List.of(), 64, null);
    private static WireMockServer server;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
        server.stop();
    }

    private static GatewayClient client(TestGatewayConfig config) {
        return new GatewayClient(vertx, config, new ObjectMapper());
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Test
    void readsAWholeJsonCompletionWithToolCallsWhenStreamingIsOff() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("plain-model")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"Looking it up\",\"tool_calls\":["
                                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"recall\","
                                + "\"arguments\":\"{\\\"query\\\":\\\"tea\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                                + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":9,\"total_tokens\":30}}")));
        List<String> deltas = new ArrayList<>();

        Completion completion = client(TestGatewayConfig.plain(baseUrl()))
                .complete("plain-model", REQUEST, deltas::add)
                .await()
                .atMost(WAIT);

        assertThat(completion.content()).isEqualTo("Looking it up");
        assertThat(completion.toolCalls()).containsExactly(new ToolCall("call_1", "recall", "{\"query\":\"tea\"}"));
        assertThat(completion.usage()).isEqualTo(new Usage(21, 9));
        assertThat(deltas).containsExactly("Looking it up");
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("plain-model")))
                .withRequestBody(matchingJsonPath("$[?(!@.stream)]"))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("64"))));
    }

    @Test
    void aStreamingRequestAnsweredWithPlainJsonIsStillRead() {
        server.stubFor(
                post(urlEqualTo("/v1/chat/completions"))
                        .withRequestBody(matchingJsonPath("$.model", equalTo("json-anyway")))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"fine\"},"
                                                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}")));

        Completion completion = client(TestGatewayConfig.streaming(baseUrl()))
                .complete("json-anyway", REQUEST, text -> {})
                .await()
                .atMost(WAIT);

        assertThat(completion.content()).isEqualTo("fine");
        assertThat(completion.usageReported()).isTrue();
    }

    @Test
    void failsWithAFirstByteTimeoutWhenTheHeadersDoNotCome() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("slow-headers")))
                .willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
        TestGatewayConfig config =
                new TestGatewayConfig(baseUrl(), true, Duration.ofMillis(300), Duration.ofSeconds(2));

        assertThatThrownBy(() -> client(config)
                        .complete("slow-headers", REQUEST, text -> {})
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(GatewayCallException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(GatewayCallException.Kind.FIRST_BYTE_TIMEOUT);
                    assertThat(failure.isRetryable()).isTrue();
                });
    }

    @Test
    void aRefusedConnectionIsARetryableConnectError() {
        int closedPort = dev.agentcron.testsupport.TestInfra.freePort();

        assertThatThrownBy(() -> client(TestGatewayConfig.streaming("http://127.0.0.1:" + closedPort + "/v1"))
                        .complete("any", REQUEST, text -> {})
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(GatewayCallException.class, failure -> assertThat(failure.kind())
                        .isEqualTo(GatewayCallException.Kind.CONNECT));
    }
}
