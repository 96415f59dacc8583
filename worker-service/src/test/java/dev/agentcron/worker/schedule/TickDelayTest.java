package dev.agentcron.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickDelayTest {

    private static final long INTERVAL = 100;

    @Test
    void sleepsUntilTheNextDueTimeWhenItComesBeforeTheInterval() {
        assertThat(ScheduleTicker.untilNextTick(1_030L, 1_000, INTERVAL)).isEqualTo(30);
    }

    @Test
    void sleepsAtMostTheIntervalSoSchedulesRegisteredMeanwhileAreSeen() {
        assertThat(ScheduleTicker.untilNextTick(5_000L, 1_000, INTERVAL)).isEqualTo(INTERVAL);
        assertThat(ScheduleTicker.untilNextTick(null, 1_000, INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void ticksAgainAtOnceWhenTheNextScheduleBecameDueDuringTheTick() {
        assertThat(ScheduleTicker.untilNextTick(990L, 1_000, INTERVAL)).isZero();
    }
}
