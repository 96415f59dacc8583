package dev.agentcron.worker.schedule;

import dev.agentcron.model.schedule.ScheduleSpec;
import dev.agentcron.model.schedule.ScheduleTimes;
import java.time.Instant;

/**
 * What the ticker does with a due schedule: of all occurrences due by now, only the latest may run, and only
 * while it is inside the catch-up window; the earlier ones are missed (counted, never run). Never a burst.
 *
 * @param fire the occurrence to run (before jitter), or null when none is inside the window
 * @param fireDue when {@link #fire} became due (jitter included)
 * @param missed occurrences that will not run
 * @param next the next occurrence after the due ones (before jitter), or null when the schedule is done
 * @param nextDue when {@link #next} becomes due (jitter included)
 */
public record OccurrencePlan(Instant fire, Instant fireDue, long missed, Instant next, Instant nextDue) {

    /** Bounds the work for a schedule that was not served for a long time. */
    static final int MAX_STEPS = 100_000;

    /**
     * Plans from the registered occurrence {@code first} (already due) at {@code now}. A schedule more than
     * {@value #MAX_STEPS} occurrences behind jumps to its catch-up window: its missed count is then a lower
     * bound.
     */
    public static OccurrencePlan of(ScheduleSpec spec, String scheduleId, Instant first, Instant now) {
        Instant latest = first;
        Instant latestDue = due(spec, scheduleId, first);
        long count = 1;
        Instant next = after(spec, first);
        while (next != null && !due(spec, scheduleId, next).isAfter(now)) {
            if (count % MAX_STEPS == 0) {
                Instant recent = ScheduleTimes.next(spec, now.minusSeconds(spec.catchupWindowSeconds()));
                if (recent != null && recent.isAfter(next)) {
                    next = recent;
                    if (due(spec, scheduleId, next).isAfter(now)) {
                        break;
                    }
                }
            }
            latest = next;
            latestDue = due(spec, scheduleId, next);
            count++;
            next = after(spec, next);
        }
        Instant nextDue = next == null ? null : due(spec, scheduleId, next);
        boolean inWindow = !latestDue.plusSeconds(spec.catchupWindowSeconds()).isBefore(now);
        return inWindow
                ? new OccurrencePlan(latest, latestDue, count - 1, next, nextDue)
                : new OccurrencePlan(null, null, count, next, nextDue);
    }

    private static Instant after(ScheduleSpec spec, Instant occurrence) {
        return ScheduleTimes.next(spec, occurrence.plusMillis(1));
    }

    private static Instant due(ScheduleSpec spec, String scheduleId, Instant occurrence) {
        return occurrence.plus(ScheduleTimes.jitter(spec, scheduleId, occurrence));
    }
}
