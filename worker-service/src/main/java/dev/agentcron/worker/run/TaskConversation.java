package dev.agentcron.worker.run;

import dev.agentcron.worker.gateway.ChatMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A scheduled, manual or event run: system prompt, then the prompt with the run input. */
@ApplicationScoped
public class TaskConversation implements ConversationSource {

    private final PromptComposer prompts;

    public TaskConversation(PromptComposer prompts) {
        this.prompts = prompts;
    }

    @Override
    public Uni<List<ChatMessage>> initialMessages(RunContext ctx) {
        return Uni.createFrom()
                .item(List.of(
                        ChatMessage.system(prompts.system(ctx.agent())),
                        ChatMessage.user(prompts.task(ctx.agent(), ctx.run().input))));
    }
}
