package dev.agentcron.worker.run;

import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.ChatMessage;
import dev.agentcron.worker.gateway.ChatRequest;
import dev.agentcron.worker.gateway.Completion;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.gateway.ToolCall;
import dev.agentcron.worker.tool.ToolRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent loop of {@code task} mode: up to {@code max_turns} model calls; the tools each answer asks for run
 * in order (parallel calls too) and their results go back as {@code tool} messages; the first answer without
 * tool calls is the run output.
 *
 * <p>When the last allowed turn still asks for tools, the run ends {@code error} with code {@code
 * max_turns_reached} (its text so far kept) and those tool calls are not executed: no turn is left to read
 * their results. A run whose cost passed {@code max_budget_usd} stops after the call that crossed it, before
 * running its tools.
 */
@ApplicationScoped
public class TaskLoop {

    private final ToolRegistry tools;
    private final RuntimeConfig config;

    public TaskLoop(ToolRegistry tools, RuntimeConfig config) {
        this.tools = tools;
        this.config = config;
    }

    /** Runs the loop from the conversation's first messages. */
    public Uni<RunOutcome> run(RunSession session, ConversationSource conversation) {
        return conversation
                .initialMessages(session.context())
                .map(ArrayList::new)
                .chain(messages -> turn(session, new Conversation(messages, offeredTools(session)), 1));
    }

    private List<FunctionTool> offeredTools(RunSession session) {
        return tools.offeredTo(session.context().agent());
    }

    private Uni<RunOutcome> turn(RunSession session, Conversation conversation, int number) {
        return session.callModel(request(session.context().agent(), conversation))
                .chain(completion -> afterTurn(session, conversation, number, completion));
    }

    private ChatRequest request(AgentEntity agent, Conversation conversation) {
        int maxTokens = agent.maxOutputTokens != null ? agent.maxOutputTokens : config.taskMaxOutputTokens();
        return new ChatRequest(conversation.messages(), conversation.tools(), maxTokens, agent.temperature);
    }

    private Uni<RunOutcome> afterTurn(RunSession session, Conversation conversation, int number, Completion answer) {
        if (session.overBudget()) {
            return Uni.createFrom().failure(new BudgetExceededException(session.overBudgetMessage()));
        }
        if (!answer.hasToolCalls()) {
            return Uni.createFrom().item(RunOutcome.success(answer.content()));
        }
        int maxTurns = session.context().agent().maxTurns;
        if (number >= maxTurns) {
            return Uni.createFrom()
                    .item(RunOutcome.error(
                            "max_turns_reached",
                            "the model still asked for tools after max_turns (" + maxTurns + ") model calls",
                            session.outputSoFar()));
        }
        conversation
                .messages()
                .add(ChatMessage.assistant(answer.content().isEmpty() ? null : answer.content(), answer.toolCalls()));
        return runTools(session, conversation, answer.toolCalls())
                .chain(() -> session.control().check())
                .chain(() -> turn(session, conversation, number + 1));
    }

    private Uni<Void> runTools(RunSession session, Conversation conversation, List<ToolCall> calls) {
        return Multi.createFrom()
                .iterable(calls)
                .onItem()
                .transformToUniAndConcatenate(call -> session.runTool(call).invoke(outcome -> conversation
                        .messages()
                        .add(ChatMessage.tool(call.id(), session.toolResultForModel(outcome)))))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The messages so far and the tools offered, for one run. */
    private record Conversation(List<ChatMessage> messages, List<FunctionTool> tools) {}
}
