package dev.agentcron.worker.run;

import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.limit.DailyLimitKind;
import dev.agentcron.model.limit.DailyLimiter;
import dev.agentcron.model.limit.DailyReservation;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.ChatMessage;
import dev.agentcron.worker.gateway.ChatRequest;
import dev.agentcron.worker.run.store.ArtifactStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code draft} mode (seed 000): reserves {@code min(outputs_per_run, daily_limit - outputs_today)} drafts of
 * the agent's daily limit, then makes one model call per draft (at most {@code max_output_tokens}, default
 * 512) with the agent's last outputs as context, and saves each as a {@code post_draft} artifact {@code
 * pending_review} with the agent's channels. Drafts not made (failed call, stop) are released. Nothing
 * granted: the run is {@code skipped} with {@code status_reason daily_limit_reached}. A call that fails after
 * every retry and fallback ends the run {@code error}; the drafts made before it are kept.
 */
@ApplicationScoped
public class DraftLoop {

    static final String DAILY_LIMIT_REACHED = "daily_limit_reached";
    private static final int TITLE_CHARS = 80;
    private static final int EXCERPT_CHARS = 300;

    private final DailyLimiter limiter;
    private final ArtifactStore artifacts;
    private final PromptComposer prompts;
    private final RuntimeConfig config;

    public DraftLoop(DailyLimiter limiter, ArtifactStore artifacts, PromptComposer prompts, RuntimeConfig config) {
        this.limiter = limiter;
        this.artifacts = artifacts;
        this.prompts = prompts;
        this.config = config;
    }

    public Uni<RunOutcome> run(RunSession session) {
        AgentEntity agent = session.context().agent();
        int limit = agent.dailyLimit != null ? agent.dailyLimit : config.draftDefaultDailyLimit();
        return limiter.reserve(agent.id, DailyLimitKind.DRAFT_OUTPUTS, limit, agent.outputsPerRun)
                .chain(reservation -> reservation.isEmpty()
                        ? Uni.createFrom().item(RunOutcome.skipped(DAILY_LIMIT_REACHED))
                        : draftWithin(session, reservation));
    }

    private Uni<RunOutcome> draftWithin(RunSession session, DailyReservation reservation) {
        Drafts drafts = new Drafts(reservation.granted());
        session.useOutput(drafts::summary);
        return artifacts
                .recent(session.context().agent().id, config.draftContextOutputs(), EXCERPT_CHARS)
                .chain(recent -> draft(session, drafts, recent, 1))
                .onTermination()
                .call(() -> limiter.release(reservation, reservation.granted() - drafts.saved.get()));
    }

    private Uni<RunOutcome> draft(
            RunSession session, Drafts drafts, List<ArtifactStore.RecentArtifact> recent, int number) {
        if (number > drafts.total) {
            return Uni.createFrom().item(RunOutcome.success(drafts.summary()));
        }
        return session.control()
                .check()
                .chain(() -> session.callModel(request(session, drafts, recent, number)))
                .chain(answer -> save(session, drafts, answer.content()))
                .chain(() -> afterDraft(session, drafts, recent, number));
    }

    private Uni<RunOutcome> afterDraft(
            RunSession session, Drafts drafts, List<ArtifactStore.RecentArtifact> recent, int number) {
        if (session.overBudget()) {
            return Uni.createFrom().failure(new BudgetExceededException(session.overBudgetMessage()));
        }
        return draft(session, drafts, recent, number + 1);
    }

    private ChatRequest request(
            RunSession session, Drafts drafts, List<ArtifactStore.RecentArtifact> recent, int number) {
        AgentEntity agent = session.context().agent();
        int maxTokens = agent.maxOutputTokens != null ? agent.maxOutputTokens : config.draftMaxOutputTokens();
        List<ChatMessage> messages = List.of(
                ChatMessage.system(prompts.draftSystem(agent)),
                ChatMessage.user(prompts.draft(
                        agent, session.context().run().input, recent, drafts.texts, number, drafts.total)));
        return new ChatRequest(messages, List.of(), maxTokens, agent.temperature);
    }

    private Uni<Void> save(RunSession session, Drafts drafts, String content) {
        if (content.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        AgentEntity agent = session.context().agent();
        ArtifactStore.NewArtifact artifact = new ArtifactStore.NewArtifact(
                agent.id,
                agent.workspaceId,
                title(content, drafts.saved.get() + 1),
                "post_draft",
                content,
                null,
                List.of(),
                agent.channels,
                "pending_review");
        return artifacts
                .create(session.runId(), session.context().attempt(), artifact)
                .invoke(id -> id.ifPresentOrElse(saved -> drafts.add(saved, content), () -> session.control()
                        .stop(RunControl.StopReason.LEASE_LOST)))
                .replaceWithVoid();
    }

    private static String title(String content, int number) {
        String firstLine = content.strip().lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return "Draft " + number;
        }
        return firstLine.length() <= TITLE_CHARS ? firstLine : firstLine.substring(0, TITLE_CHARS - 1) + "…";
    }

    /** The drafts of one run. */
    private static final class Drafts {
        final int total;
        final AtomicInteger saved = new AtomicInteger();
        final List<String> ids = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        Drafts(int total) {
            this.total = total;
        }

        synchronized void add(String id, String text) {
            ids.add(id);
            texts.add(text);
            saved.incrementAndGet();
        }

        synchronized String summary() {
            return "Created " + ids.size() + (ids.size() == 1 ? " draft" : " drafts") + " for review: "
                    + String.join(", ", ids);
        }
    }
}
