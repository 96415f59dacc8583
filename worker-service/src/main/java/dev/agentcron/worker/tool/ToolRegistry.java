package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.gateway.ToolCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The built-in tools, and the one door through which a model's tool call runs. A call never fails the run: an
 * unknown tool, a tool the agent does not list, invalid arguments or a failing tool all come back to the model
 * as {@code {"error": "..."}}.
 */
@ApplicationScoped
public class ToolRegistry {

    private static final Logger LOG = Logger.getLogger(ToolRegistry.class);

    private final Map<String, Tool> tools = new TreeMap<>();
    private final ObjectMapper mapper;
    private final RuntimeConfig config;

    public ToolRegistry(@Any Instance<Tool> available, ObjectMapper mapper, RuntimeConfig config) {
        for (Tool tool : available) {
            tools.put(tool.name(), tool);
        }
        this.mapper = mapper;
        this.config = config;
    }

    /** The function definitions offered to the agent's model: its listed tools this worker has. */
    public List<FunctionTool> offeredTo(AgentEntity agent) {
        List<FunctionTool> offered = new ArrayList<>();
        for (String name : agent.tools) {
            Tool tool = tools.get(name);
            if (tool != null) {
                offered.add(tool.definition());
            }
        }
        return offered;
    }

    /** Whether the agent lists the tool and this worker has it. */
    public boolean isOffered(AgentEntity agent, String name) {
        return agent.tools.contains(name) && tools.containsKey(name);
    }

    /** Runs one tool call of the model; never fails. */
    public Uni<ToolOutcome> execute(ToolInvocation invocation, ToolCall call) {
        long start = System.nanoTime();
        JsonNode shownArguments = argumentsForDisplay(call.arguments());
        return Uni.createFrom()
                .deferred(() -> dispatch(invocation, call))
                .map(result -> new ToolOutcome(call.id(), call.name(), shownArguments, result, false, millis(start)))
                .onFailure()
                .recoverWithItem(failure -> new ToolOutcome(
                        call.id(), call.name(), shownArguments, error(failure, call), true, millis(start)));
    }

    private Uni<JsonNode> dispatch(ToolInvocation invocation, ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            throw new ToolException("unknown tool '" + call.name() + "'");
        }
        if (!invocation.agent().tools.contains(call.name())) {
            throw new ToolException("tool '" + call.name() + "' is not enabled for this agent");
        }
        ToolArguments arguments = ToolArguments.parse(mapper, call.arguments());
        return tool.call(invocation, arguments);
    }

    private JsonNode error(Throwable failure, ToolCall call) {
        String message;
        if (failure instanceof ToolException) {
            message = failure.getMessage();
        } else {
            LOG.warnf(failure, "Tool %s failed", call.name());
            message = "the tool failed";
        }
        return mapper.createObjectNode().put("error", message);
    }

    private JsonNode argumentsForDisplay(String raw) {
        if (raw == null || raw.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(raw);
        } catch (IOException e) {
            return TextNode.valueOf(raw);
        }
    }

    /** The result as the model reads it: JSON text, truncated to {@code agentcron.runtime.tool-result-max-chars}. */
    public String forModel(JsonNode result) {
        String text = result.toString();
        int max = config.toolResultMaxChars();
        return text.length() <= max ? text : text.substring(0, max) + "…[truncated]";
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
