package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Chat limits shared by the api-service (validation) and the worker (history sent to the model). */
@ConfigMapping(prefix = "agentcron.chat")
public interface ChatSettings {

    /** Longest accepted chat message, in characters. */
    @WithDefault("32000")
    int maxMessageChars();

    /**
     * Token budget of the thread history sent with each chat turn (estimated); the oldest messages are dropped
     * first and replaced by one summary line.
     */
    @WithDefault("8000")
    int historyTokenBudget();
}
