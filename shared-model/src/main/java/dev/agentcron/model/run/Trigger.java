package dev.agentcron.model.run;

import java.util.Locale;

/** What started a run. */
public enum Trigger {
    SCHEDULE,
    MANUAL,
    EVENT,
    CHAT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trigger of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
