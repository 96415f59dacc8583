package dev.agentcron.worker.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A WireMock server on 127.0.0.1 as the model gateway of every {@code @QuarkusTest} of this module, with
 * gateway timings short enough for tests and prices for the test models. Tests talk to it with {@link
 * GatewayStub} and isolate their stubs by model id.
 */
public class GatewayStubResource implements QuarkusTestResourceLifecycleManager {

    /** The API key the worker must send as a bearer token. */
    public static final String API_KEY = "test-gateway-key";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(80)
                .jettyAcceptors(2));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("agentcron.gateway.base-url", "http://127.0.0.1:" + server.port() + "/v1");
        config.put("agentcron.gateway.api-key", API_KEY);
        config.put("agentcron.gateway.max-retries", "2");
        config.put("agentcron.gateway.backoff-base", "20ms");
        config.put("agentcron.gateway.backoff-max", "100ms");
        config.put("agentcron.gateway.first-byte-timeout", "5s");
        config.put("agentcron.gateway.idle-timeout", "1500ms");
        config.put("agentcron.gateway.retry-after-max", "10s");
        config.put("agentcron.gateway.circuit-failure-threshold", "3");
        config.put("agentcron.gateway.circuit-open-duration", "10m");
        // the http_get tests' "agent site" is a WireMock on 127.0.0.2; every other loopback address stays refused
        config.put("agentcron.ssrf.allow-hosts", "127.0.0.2");
        price(config, "priced-stream", "1.00", "2.00");
        price(config, "priced-budget", "10.00", "30.00");
        return config;
    }

    private static void price(Map<String, String> config, String model, String input, String output) {
        config.put("agentcron.models.\"" + model + "\".input-usd-per-mtok", input);
        config.put("agentcron.models.\"" + model + "\".output-usd-per-mtok", output);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
