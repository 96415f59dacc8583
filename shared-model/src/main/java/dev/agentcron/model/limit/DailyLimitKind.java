package dev.agentcron.model.limit;

/** What an agent's {@code daily_limit} counts, by its {@code output_mode}. */
public enum DailyLimitKind {
    /** {@code draft} mode: {@code post_draft} artifacts the agent's runs created that UTC day. */
    DRAFT_OUTPUTS,
    /** {@code task} mode: runs queued that UTC day that were not skipped, chat runs excluded. */
    STARTED_RUNS;

    /** The kind an agent's limit counts: {@link #DRAFT_OUTPUTS} in {@code draft} mode, otherwise runs. */
    public static DailyLimitKind forOutputMode(String outputMode) {
        return "draft".equals(outputMode) ? DRAFT_OUTPUTS : STARTED_RUNS;
    }
}
