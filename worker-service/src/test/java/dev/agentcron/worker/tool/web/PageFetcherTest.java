package dev.agentcron.worker.tool.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentcron.model.net.AddressGuard;
import dev.agentcron.worker.tool.ToolException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetch mechanics under a policy: resolution checks, body limit, redirect limit. */
@QuarkusTest
class PageFetcherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WireMockServer loopback;

    @Inject
    PageFetcher fetcher;

    @BeforeAll
    static void start() {
        loopback = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        loopback.start();
        loopback.stubFor(get(urlEqualTo("/secret")).willReturn(aResponse().withBody("internal secret")));
        loopback.stubFor(get(urlEqualTo("/big"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("x".repeat(1_200_000))));
        loopback.stubFor(
                get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(301).withHeader("Location", "/loop")));
    }

    @AfterAll
    static void stop() {
        loopback.stop();
    }

    /** Lets every URL through, so the address check after resolution is what decides. */
    private static HopPolicy addressesOnly(AddressGuard guard) {
        return new HopPolicy() {
            @Override
            public Optional<String> checkUrl(URI url, boolean firstHop) {
                return Optional.empty();
            }

            @Override
            public Optional<String> checkAddress(String host, InetAddress address) {
                return guard.checkAddress(host, address);
            }
        };
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedBeforeConnecting() {
        String url = "http://localhost:" + loopback.port() + "/secret";

        assertThatThrownBy(() -> fetcher.fetch(url, addressesOnly(AddressGuard.strict()))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("refused: localhost resolves to ")
                .hasMessageContaining("loopback");
        loopback.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void readsAtMostTheBodyLimitAndSaysSo() {
        FetchedPage page = fetcher.fetch(
                        "http://127.0.0.1:" + loopback.port() + "/big",
                        addressesOnly(new AddressGuard(List.of("127.0.0.1"))))
                .await()
                .atMost(WAIT);

        assertThat(page.truncated()).isTrue();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).hasSize(20_000);
    }

    @Test
    void stopsFollowingRedirectsAfterTheLimit() {
        assertThatThrownBy(() -> fetcher.fetch(
                                "http://127.0.0.1:" + loopback.port() + "/loop",
                                addressesOnly(new AddressGuard(List.of("127.0.0.1"))))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(ToolException.class)
                .hasMessage("too many redirects (more than 5)");
        loopback.verify(6, getRequestedFor(urlEqualTo("/loop")));
    }
}
