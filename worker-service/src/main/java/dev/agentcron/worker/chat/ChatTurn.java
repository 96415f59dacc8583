package dev.agentcron.worker.chat;

import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.gateway.TokenEstimates;
import dev.agentcron.worker.run.RunContext;
import dev.agentcron.worker.run.RunOutcome;
import dev.agentcron.worker.run.RunSession;
import dev.agentcron.worker.run.TaskLoop;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * One chat turn ({@code trigger = chat}): a slash command is answered by {@link SlashCommands} without a model
 * call; any other message runs the agent loop from the thread's history ({@link ChatConversation}). Either
 * way the reply streams as {@code thread.message.delta} events and, when the turn succeeds, is stored as the
 * thread's assistant message with its tokens.
 */
@ApplicationScoped
public class ChatTurn {

    private final ThreadStore threads;
    private final SlashCommands commands;
    private final TaskLoop loop;
    private final ChatConversation conversation;

    public ChatTurn(ThreadStore threads, SlashCommands commands, TaskLoop loop, ChatConversation conversation) {
        this.threads = threads;
        this.commands = commands;
        this.loop = loop;
        this.conversation = conversation;
    }

    /** Runs the turn of the session's run and stores its answer. */
    public Uni<RunOutcome> run(RunSession session) {
        RunContext ctx = session.context();
        if (ctx.run().threadId == null) {
            return Uni.createFrom().item(RunOutcome.error("thread_missing", "the chat run has no thread", null));
        }
        return threads.turnMessage(ctx.run().threadId, ctx.runId())
                .chain(message -> answer(session, message))
                .call(outcome -> storeAnswer(session, outcome));
    }

    private Uni<RunOutcome> answer(RunSession session, String message) {
        if (message == null) {
            return Uni.createFrom().item(RunOutcome.error("message_missing", "the chat run has no user message", null));
        }
        Optional<Uni<String>> command = commands.handle(session.context(), message);
        if (command.isPresent()) {
            return command.get().map(reply -> streamReply(session, reply));
        }
        return loop.run(session, conversation);
    }

    /** Streams a command's reply line by line, as a model's answer would arrive. */
    private static RunOutcome streamReply(RunSession session, String reply) {
        int start = 0;
        while (start < reply.length()) {
            int end = reply.indexOf('\n', start);
            end = end < 0 ? reply.length() : end + 1;
            session.onDelta(reply.substring(start, end));
            start = end;
        }
        return RunOutcome.success(reply);
    }

    private Uni<Boolean> storeAnswer(RunSession session, RunOutcome outcome) {
        if (outcome.status() != RunStatus.SUCCESS || outcome.output() == null) {
            return Uni.createFrom().item(false);
        }
        RunContext ctx = session.context();
        long tokens = session.totals().numTurns() > 0
                ? session.totals().outputTokens()
                : TokenEstimates.tokens(outcome.output().length());
        return threads.storeAnswer(ctx.run().threadId, ctx.runId(), ctx.attempt(), outcome.output(), null, tokens);
    }
}
