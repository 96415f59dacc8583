package dev.agentcron.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * An in-process WireMock server that plays an OpenAI-compatible model gateway at {@code /v1}: chat
 * completions answered by {@link ChatCompletions} and {@code GET /v1/models}. No request journal (it would
 * grow without bound under load) and no mapping files are read from or written to disk.
 */
final class GatewayStub implements AutoCloseable {

    private static final int THREADS = 100;

    private final WireMockServer server;

    private GatewayStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts the stub on {@code port} of the loopback interface (0: a free port). */
    static GatewayStub start(int port, Console console) {
        ChatCompletions completions = new ChatCompletions();
        WireMockConfiguration config = options()
                .bindAddress("127.0.0.1")
                .containerThreads(THREADS)
                .jettyAcceptors(1)
                .disableRequestJournal()
                .gzipDisabled(true)
                .mappingSource(new NoMappingFiles())
                .notifier(new ConsoleNotifier(console))
                .extensions(new CompletionTransformer(completions));
        config = port == 0 ? config.dynamicPort() : config.port(port);
        WireMockServer server = new WireMockServer(config);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new LauncherException("Cannot start the gateway stub on port " + port + ": " + e.getMessage(), e);
        }
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withTransformers(CompletionTransformer.NAME)));
        server.stubFor(get(urlPathEqualTo("/v1/models"))
                .willReturn(okForContentType(ChatCompletions.JSON, completions.models())));
        return new GatewayStub(server);
    }

    int port() {
        return server.port();
    }

    /** The base URL the services call ({@code agentcron.gateway.base-url}). */
    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Computes each chat completion response from its request. */
    private static final class CompletionTransformer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "agentcron-chat-completions";

        private final ChatCompletions completions;

        CompletionTransformer(ChatCompletions completions) {
            this.completions = completions;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            ChatCompletions.Reply reply =
                    completions.respond(serveEvent.getRequest().getBodyAsString());
            ResponseDefinitionBuilder response = new ResponseDefinitionBuilder()
                    .withStatus(reply.status())
                    .withHeader("Content-Type", reply.contentType())
                    .withBody(reply.body());
            if (reply.contentType().equals(ChatCompletions.EVENT_STREAM)) {
                response.withHeader("Cache-Control", "no-cache");
            }
            if (reply.delayMillis() > 0) {
                response.withFixedDelay(reply.delayMillis());
            }
            if (reply.paced()) {
                response.withChunkedDribbleDelay(reply.events(), (int) reply.paceMillis());
            }
            return response.build();
        }
    }

    /** The stubs are defined in code: nothing to load, nothing to save. */
    private static final class NoMappingFiles implements MappingsSource {

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {}

        @Override
        public void save(List<StubMapping> stubMappings) {}

        @Override
        public void save(StubMapping stubMapping) {}

        @Override
        public void remove(StubMapping stubMapping) {}

        @Override
        public void removeAll() {}
    }

    /** WireMock's errors as {@code gateway | …} lines; its info notices (one per request) are dropped. */
    private record ConsoleNotifier(Console console) implements Notifier {

        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {
            console.line("gateway", "ERROR " + message);
        }

        @Override
        public void error(String message, Throwable t) {
            console.line("gateway", "ERROR " + message + ": " + t);
        }
    }
}
