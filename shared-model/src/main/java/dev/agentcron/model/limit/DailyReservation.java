package dev.agentcron.model.limit;

import java.time.LocalDate;

/**
 * Units of an agent's daily limit held for one run. Give back what the run did not use with {@link
 * DailyLimiter#release(DailyReservation, int)}: the release goes to the day the units were taken from, even
 * after midnight.
 *
 * @param agentId the agent
 * @param kind what the units count
 * @param day the UTC day the units belong to
 * @param granted units granted, 0 when the limit was already reached
 */
public record DailyReservation(String agentId, DailyLimitKind kind, LocalDate day, int granted) {

    /** Whether nothing was granted: the agent reached its limit for the day. */
    public boolean isEmpty() {
        return granted == 0;
    }
}
