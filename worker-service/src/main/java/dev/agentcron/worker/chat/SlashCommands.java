package dev.agentcron.worker.chat;

import dev.agentcron.worker.run.RunContext;
import dev.agentcron.worker.run.store.MemoryStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chat messages starting with {@code /} that the worker answers itself, without a model call: {@code /help},
 * {@code /remember <text>} (stores a memory, source {@code chat}) and {@code /memories} (lists them, newest
 * first). Any other message, unknown commands included, goes to the model.
 */
@ApplicationScoped
public class SlashCommands {

    static final int LISTED_MEMORIES = 50;
    static final String HELP = """
            Available commands:
            /help - list the available commands
            /remember <text> - store a memory for this agent
            /memories - list the stored memories
            Anything else is sent to the agent.""";

    private final MemoryStore memories;

    public SlashCommands(MemoryStore memories) {
        this.memories = memories;
    }

    /** The reply to a command, or empty when the message is not one of ours. */
    public Optional<Uni<String>> handle(RunContext ctx, String message) {
        if (message == null) {
            return Optional.empty();
        }
        String text = message.strip();
        String command = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String argument = text.length() > command.length()
                ? text.substring(command.length()).strip()
                : "";
        return switch (command) {
            case "/help" -> Optional.of(Uni.createFrom().item(HELP));
            case "/remember" -> Optional.of(remember(ctx, argument));
            case "/memories" -> Optional.of(list(ctx));
            default -> Optional.empty();
        };
    }

    private Uni<String> remember(RunContext ctx, String content) {
        if (content.isEmpty()) {
            return Uni.createFrom().item("Usage: /remember <text>");
        }
        return memories.remember(ctx.agent().id, ctx.agent().workspaceId, content, "chat")
                .map(id -> "Remembered: " + content);
    }

    private Uni<String> list(RunContext ctx) {
        return memories.recall(ctx.agent().id, null, LISTED_MEMORIES).map(SlashCommands::format);
    }

    private static String format(List<MemoryStore.Memory> stored) {
        if (stored.isEmpty()) {
            return "No memories stored yet. Use /remember <text> to add one.";
        }
        StringBuilder out = new StringBuilder("Memories:");
        for (MemoryStore.Memory memory : stored) {
            out.append("\n- ").append(memory.content());
        }
        return out.toString();
    }
}
