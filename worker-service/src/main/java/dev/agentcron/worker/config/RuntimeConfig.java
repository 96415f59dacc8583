package dev.agentcron.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the worker runs agents: output token defaults, draft context, tool limits. */
@ConfigMapping(prefix = "agentcron.runtime")
public interface RuntimeConfig {

    /** {@code max_tokens} of a task-mode model call when the agent sets no {@code max_output_tokens}. */
    @WithDefault("4096")
    int taskMaxOutputTokens();

    /** {@code max_tokens} of one draft when the agent sets no {@code max_output_tokens} (seed 000). */
    @WithDefault("512")
    int draftMaxOutputTokens();

    /** Daily limit of a draft-mode agent stored without one (the API's default). */
    @WithDefault("50")
    int draftDefaultDailyLimit();

    /** Recent outputs (artifacts) given to the model as context for each draft. */
    @WithDefault("5")
    int draftContextOutputs();

    /** Characters of a tool result sent back to the model; longer results are truncated. */
    @WithDefault("20000")
    int toolResultMaxChars();

    /** Characters of a tool result kept in its run step's {@code detail}. */
    @WithDefault("4000")
    int toolStepMaxChars();

    /** Bytes of a page {@code http_get} reads at most; the rest is not downloaded. */
    @WithDefault("1048576")
    int httpGetMaxBytes();

    /** Time allowed for one {@code http_get} fetch, redirects included. */
    @WithDefault("15s")
    Duration httpGetTimeout();

    /** Redirects {@code http_get} follows, each checked by the SSRF guard. */
    @WithDefault("5")
    int httpGetMaxRedirects();

    /** Memories {@code recall} returns at most. */
    @WithDefault("10")
    int recallMaxResults();

    /** Artifacts {@code list_recent_outputs} returns at most. */
    @WithDefault("20")
    int recentOutputsMaxResults();
}
