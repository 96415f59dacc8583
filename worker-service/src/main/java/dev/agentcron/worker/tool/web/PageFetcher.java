package dev.agentcron.worker.tool.web;

import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.tool.ToolException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * GETs a web page for a tool, hop by hop: each URL (the one asked for and every redirect, at most {@code
 * agentcron.runtime.http-get-max-redirects}) is checked by the {@link HopPolicy}, its host is resolved once,
 * every resolved address is checked, and the connection goes to exactly the checked address (the {@code Host}
 * header and TLS name stay the host's), so a DNS answer cannot change between check and connect. Bodies are
 * read up to {@code http-get-max-bytes}; the whole fetch is bounded by {@code http-get-timeout}.
 */
@ApplicationScoped
public class PageFetcher {

    private static final String USER_AGENT = "agentcron-worker (http_get tool)";

    private final Vertx vertx;
    private final RuntimeConfig config;
    private final HttpClient http;

    public PageFetcher(Vertx vertx, RuntimeConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setConnectTimeout((int)
                        Math.min(Integer.MAX_VALUE, config.httpGetTimeout().toMillis()))
                .setVerifyHost(true)
                .setTrustAll(false)
                .setMaxPoolSize(32)
                .setName("agentcron-http-get"));
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /** Fetches {@code url}; fails with {@link ToolException} naming what was refused or went wrong. */
    public Uni<FetchedPage> fetch(String url, HopPolicy policy) {
        return Uni.createFrom()
                .deferred(() -> hop(url, url, policy, config.httpGetMaxRedirects()))
                .ifNoItem()
                .after(config.httpGetTimeout())
                .failWith(() -> new ToolException("fetching " + url + " took longer than "
                        + config.httpGetTimeout().toSeconds() + " s"))
                .onFailure(failure -> !(failure instanceof ToolException) && !(failure instanceof TimeoutException))
                .transform(failure -> new ToolException("fetching " + url + " failed: " + describe(failure)));
    }

    private Uni<FetchedPage> hop(String asked, String current, HopPolicy policy, int redirectsLeft) {
        URI uri = parse(current);
        boolean firstHop = asked.equals(current);
        Optional<String> refused = policy.checkUrl(uri, firstHop);
        if (refused.isPresent()) {
            return Uni.createFrom().failure(new ToolException("refused: " + refused.get()));
        }
        String host = hostOf(uri);
        return resolve(host)
                .map(addresses -> checked(host, addresses, policy))
                .chain(address -> get(uri, host, address))
                .chain(response -> follow(asked, uri, response, policy, redirectsLeft));
    }

    private Uni<InetAddress[]> resolve(String host) {
        return vertx.executeBlocking(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new ToolException("cannot resolve host " + host);
            }
        });
    }

    /** Every address must pass: a name that also points inside the network is refused as a whole. */
    private static InetAddress checked(String host, InetAddress[] addresses, HopPolicy policy) {
        for (InetAddress address : addresses) {
            Optional<String> refused = policy.checkAddress(host, address);
            if (refused.isPresent()) {
                throw new ToolException("refused: " + host + " resolves to " + refused.get());
            }
        }
        return addresses[0];
    }

    private Uni<Response> get(URI uri, String host, InetAddress address) {
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(target)
                .setFollowRedirects(false)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept", "text/html, text/plain, application/json;q=0.9, */*;q=0.5");
        return http.request(options).chain(request -> request.send().chain(response -> read(request, response)));
    }

    /** Reads at most {@code http-get-max-bytes} of the body, then drops the connection. */
    private Uni<Response> read(HttpClientRequest request, HttpClientResponse response) {
        int max = config.httpGetMaxBytes();
        int status = response.statusCode();
        String location = response.getHeader("Location");
        String contentType = response.getHeader("Content-Type");
        if (status >= 300 && status < 400) {
            request.reset();
            return Uni.createFrom().item(new Response(status, location, contentType, new byte[0], false));
        }
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            boolean[] done = {false};
            response.handler(chunk -> {
                if (done[0]) {
                    return;
                }
                int room = max - body.length();
                if (chunk.length() >= room) {
                    body.appendBuffer(chunk.slice(0, Math.max(0, room)));
                    done[0] = true;
                    request.reset();
                    emitter.complete(new Response(status, location, contentType, body.getBytes(), true));
                } else {
                    body.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(failure -> {
                if (!done[0]) {
                    done[0] = true;
                    emitter.fail(failure);
                }
            });
            response.endHandler(() -> {
                if (!done[0]) {
                    done[0] = true;
                    emitter.complete(new Response(status, location, contentType, body.getBytes(), false));
                }
            });
            emitter.onTermination(() -> {
                if (!done[0]) {
                    done[0] = true;
                    request.reset();
                }
            });
        });
    }

    private Uni<FetchedPage> follow(String asked, URI uri, Response response, HopPolicy policy, int redirectsLeft) {
        if (response.status() >= 300 && response.status() < 400 && response.location() != null) {
            if (redirectsLeft <= 0) {
                return Uni.createFrom()
                        .failure(new ToolException(
                                "too many redirects (more than " + config.httpGetMaxRedirects() + ")"));
            }
            String next = uri.resolve(response.location().trim()).toString();
            return hop(asked, next, policy, redirectsLeft - 1);
        }
        if (!HtmlText.isText(response.contentType())) {
            return Uni.createFrom().failure(new ToolException("unsupported content type " + response.contentType()));
        }
        String text = HtmlText.text(response.body(), response.contentType(), uri.toString());
        int maxChars = config.toolResultMaxChars();
        boolean truncated = response.truncated() || text.length() > maxChars;
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars);
        }
        return Uni.createFrom()
                .item(new FetchedPage(
                        asked, uri.toString(), response.status(), response.contentType(), text, truncated));
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ToolException("only http and https URLs can be fetched");
            }
            if (uri.getHost() == null) {
                throw new ToolException("the URL has no host: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ToolException("not a valid URL: " + url);
        }
    }

    /** The host as written, IPv6 brackets removed. */
    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null
                ? failure.getMessage()
                : failure.getClass().getSimpleName();
    }

    /** One hop's answer. */
    private record Response(int status, String location, String contentType, byte[] body, boolean truncated) {}
}
