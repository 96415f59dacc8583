package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Redis counters behind {@code limits.daily_limit}. */
@ConfigMapping(prefix = "agentcron.daily-limits")
public interface DailyLimitSettings {

    /** How long a day's counter lives in Redis; longer than a day so a run crossing midnight still releases. */
    @WithDefault("48h")
    Duration counterTtl();
}
