package dev.agentcron.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OccurrencePlanTest {

    private static final String ID = "sch_01TEST";

    private static ScheduleSpec every(String cron, int catchupSeconds) {
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf(cron), "schedule", null);
        return new ScheduleSpec(
                spec.kind(),
                spec.cron(),
                spec.times(),
                spec.everyMinutes(),
                spec.at(),
                spec.timezone(),
                spec.jitterSeconds(),
                catchupSeconds,
                spec.startAt(),
                spec.endAt(),
                spec.input(),
                spec.enabled());
    }

    @Test
    void firesTheDueOccurrenceAndPlansTheNextOne() {
        ScheduleSpec spec = every("*/5 * * * *", 300);
        Instant due = Instant.parse("2026-11-23T10:05:00Z");

        OccurrencePlan plan = OccurrencePlan.of(spec, ID, due, due.plusMillis(40));

        assertThat(plan.fire()).isEqualTo(due);
        assertThat(plan.missed()).isZero();
        assertThat(plan.next()).isEqualTo(Instant.parse("2026-11-23T10:10:00Z"));
        assertThat(plan.nextDue()).isEqualTo(plan.next());
    }

    @Test
    void afterAnOutageRunsOnlyTheLatestOccurrenceInsideTheWindowAndCountsTheRest() {
        ScheduleSpec spec = every("* * * * *", 300);
        Instant first = Instant.parse("2026-11-23T10:00:00Z");
        Instant now = Instant.parse("2026-11-23T10:30:20Z");

        OccurrencePlan plan = OccurrencePlan.of(spec, ID, first, now);

        assertThat(plan.fire()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
        assertThat(plan.missed()).isEqualTo(30);
        assertThat(plan.next()).isEqualTo(Instant.parse("2026-11-23T10:31:00Z"));
    }

    @Test
    void runsNothingWhenEvenTheLatestOccurrenceIsOutsideTheWindow() {
        ScheduleSpec spec = every("0 * * * *", 300);
        Instant first = Instant.parse("2026-11-23T08:00:00Z");
        Instant now = Instant.parse("2026-11-23T10:20:00Z");

        OccurrencePlan plan = OccurrencePlan.of(spec, ID, first, now);

        assertThat(plan.fire()).isNull();
        assertThat(plan.missed()).isEqualTo(3);
        assertThat(plan.next()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @Test
    void aScheduleFarBehindJumpsToItsWindowInBoundedWork() {
        ScheduleSpec spec = every("* * * * * *", 60);
        Instant first = Instant.parse("2026-11-01T00:00:00Z");
        Instant now = Instant.parse("2026-11-23T00:00:00.500Z");

        OccurrencePlan plan = OccurrencePlan.of(spec, ID, first, now);

        assertThat(plan.fire()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(plan.missed()).isGreaterThanOrEqualTo(OccurrencePlan.MAX_STEPS);
        assertThat(plan.next()).isEqualTo(Instant.parse("2026-11-23T00:00:01Z"));
    }

    @Test
    void aOnceScheduleHasNoNextOccurrence() {
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf("at(2026-11-23T10:00:00)"), "schedule", null);
        Instant at = Instant.parse("2026-11-23T10:00:00Z");

        OccurrencePlan plan = OccurrencePlan.of(spec, ID, at, at.plusSeconds(1));

        assertThat(plan.fire()).isEqualTo(at);
        assertThat(plan.next()).isNull();
        assertThat(plan.nextDue()).isNull();
    }
}
