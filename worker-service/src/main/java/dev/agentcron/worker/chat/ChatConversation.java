package dev.agentcron.worker.chat;

import dev.agentcron.model.config.ChatSettings;
import dev.agentcron.worker.gateway.ChatMessage;
import dev.agentcron.worker.gateway.TokenEstimates;
import dev.agentcron.worker.run.ConversationSource;
import dev.agentcron.worker.run.PromptComposer;
import dev.agentcron.worker.run.RunContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A chat run starts from the system prompt and its thread's history, bounded by {@code
 * agentcron.chat.history-token-budget} (estimated tokens): the oldest messages are dropped first and one
 * system line says how many were left out. The turn's own message is always sent.
 */
@ApplicationScoped
public class ChatConversation implements ConversationSource {

    private final PromptComposer prompts;
    private final ThreadStore threads;
    private final ChatSettings settings;

    public ChatConversation(PromptComposer prompts, ThreadStore threads, ChatSettings settings) {
        this.prompts = prompts;
        this.threads = threads;
        this.settings = settings;
    }

    @Override
    public Uni<List<ChatMessage>> initialMessages(RunContext ctx) {
        return threads.history(ctx.run().threadId, ctx.runId())
                .map(history -> compose(prompts.system(ctx.agent()), history, settings.historyTokenBudget()));
    }

    /** The request's messages: system prompt, a truncation line when needed, then the newest history. */
    static List<ChatMessage> compose(String system, List<ThreadStore.HistoryMessage> history, int budget) {
        Deque<ChatMessage> kept = new ArrayDeque<>();
        long used = TokenEstimates.tokens(system.length());
        for (int i = history.size() - 1; i >= 0; i--) {
            ThreadStore.HistoryMessage message = history.get(i);
            long cost = TokenEstimates.tokens(message.content().length());
            if (!kept.isEmpty() && used + cost > budget) {
                break;
            }
            used += cost;
            kept.addFirst(toMessage(message));
        }
        List<ChatMessage> messages = new ArrayList<>(kept.size() + 2);
        messages.add(ChatMessage.system(system));
        int dropped = history.size() - kept.size();
        if (dropped > 0) {
            messages.add(ChatMessage.system("Earlier conversation truncated: " + dropped + " older message"
                    + (dropped == 1 ? " was" : "s were") + " left out to fit the context budget."));
        }
        messages.addAll(kept);
        return messages;
    }

    private static ChatMessage toMessage(ThreadStore.HistoryMessage message) {
        return "assistant".equals(message.role())
                ? ChatMessage.assistant(message.content(), List.of())
                : ChatMessage.user(message.content());
    }
}
