package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thread lifecycle. */
@ConfigMapping(prefix = "agentcron.threads")
public interface ThreadSettings {

    /** A thread without activity for this many days is archived (it then refuses new chat turns). */
    @WithDefault("30")
    int autoArchiveAfterDays();
}
