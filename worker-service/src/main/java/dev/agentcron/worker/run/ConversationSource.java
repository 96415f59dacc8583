package dev.agentcron.worker.run;

import dev.agentcron.worker.gateway.ChatMessage;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Where the agent loop's conversation starts. A task run starts from the agent's prompt and the run input
 * ({@link TaskConversation}); a chat run will start from its thread's history instead and reuse the same
 * loop.
 */
public interface ConversationSource {

    /** The messages of the first model call: system prompt first. */
    Uni<List<ChatMessage>> initialMessages(RunContext ctx);
}
