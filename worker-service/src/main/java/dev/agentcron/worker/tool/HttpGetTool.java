package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.net.AddressGuard;
import dev.agentcron.model.net.SsrfSettings;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.tool.web.HopPolicy;
import dev.agentcron.worker.tool.web.PageFetcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code http_get}: fetches a page of the agent's site ({@code base_url}'s host, or a host the operator
 * allow-listed in {@code agentcron.ssrf.allow-hosts}) and returns its text. The SSRF guard ({@link
 * AddressGuard}) checks the URL, every address its host resolves to (the connection goes to that very address),
 * and every redirect; redirects may leave the agent's host but never for an address the guard refuses.
 */
@ApplicationScoped
public class HttpGetTool implements Tool {

    private static final int MAX_URL_CHARS = 2048;

    private final PageFetcher fetcher;
    private final AddressGuard guard;
    private final ObjectMapper mapper;
    private final FunctionTool definition;

    public HttpGetTool(PageFetcher fetcher, SsrfSettings ssrf, ObjectMapper mapper) {
        this.fetcher = fetcher;
        this.guard = ssrf.guard();
        this.mapper = mapper;
        this.definition = ToolSchemas.function(
                mapper,
                "http_get",
                "Fetch a web page of your reference site and return its text (HTML reduced to visible text).",
                """
                {"type": "object",
                 "properties": {"url": {"type": "string", "description": "Absolute http(s) URL", "maxLength": 2048}},
                 "required": ["url"], "additionalProperties": false}
                """);
    }

    @Override
    public String name() {
        return "http_get";
    }

    @Override
    public FunctionTool definition() {
        return definition;
    }

    @Override
    public Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments) {
        String url = arguments.requiredString("url", MAX_URL_CHARS).trim();
        return fetcher.fetch(url, new AgentSitePolicy(invocation.agent())).map(page -> mapper.createObjectNode()
                .put("url", page.url())
                .put("final_url", page.finalUrl())
                .put("status", page.status())
                .put("content_type", page.contentType())
                .put("truncated", page.truncated())
                .put("text", page.text()));
    }

    /** The agent's site, and whatever the operator allow-listed; the SSRF guard on every hop. */
    private final class AgentSitePolicy implements HopPolicy {
        private final String siteHost;

        AgentSitePolicy(AgentEntity agent) {
            this.siteHost = hostOf(agent.baseUrl);
        }

        @Override
        public Optional<String> checkUrl(URI url, boolean firstHop) {
            Optional<String> refused = guard.checkUrl(url.toString(), firstHop ? "url" : "redirect");
            if (refused.isPresent() || !firstHop) {
                return refused;
            }
            String host = url.getHost().toLowerCase(Locale.ROOT);
            if (host.equals(siteHost) || guard.isAllowListed(host)) {
                return Optional.empty();
            }
            return Optional.of(
                    siteHost == null
                            ? "this agent has no base_url: only allow-listed hosts can be fetched"
                            : "only pages of " + siteHost + " (the agent's base_url) can be fetched, not " + host);
        }

        @Override
        public Optional<String> checkAddress(String host, InetAddress address) {
            return guard.checkAddress(host, address);
        }
    }

    private static String hostOf(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(baseUrl.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
