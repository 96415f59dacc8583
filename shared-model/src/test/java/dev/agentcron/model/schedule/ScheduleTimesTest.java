package dev.agentcron.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_YORK = "America/New_York";
    private static final String BERLIN = "Europe/Berlin";

    @Nested
    class Cron {

        @Test
        void firesAtTheFirstMatchAtOrAfterFrom() {
            ScheduleSpec spec = spec("0 9 * * *", null);

            assertThat(ScheduleTimes.next(spec, at("2026-01-07T08:00:00Z"))).isEqualTo(at("2026-01-07T09:00:00Z"));
            assertThat(ScheduleTimes.next(spec, at("2026-01-07T09:00:00Z"))).isEqualTo(at("2026-01-07T09:00:00Z"));
            assertThat(ScheduleTimes.next(spec, at("2026-01-07T09:00:00.001Z"))).isEqualTo(at("2026-01-08T09:00:00Z"));
        }

        @Test
        void readsWallClockTimesInTheSchedulesTimezone() {
            ScheduleSpec spec = spec("0 9 * * *", NEW_YORK);

            assertThat(ScheduleTimes.next(spec, at("2026-01-07T00:00:00Z"))).isEqualTo(at("2026-01-07T14:00:00Z"));
            assertThat(ScheduleTimes.next(spec, at("2026-07-07T00:00:00Z"))).isEqualTo(at("2026-07-07T13:00:00Z"));
        }

        @Test
        void listsTheNextOccurrencesInOrder() {
            assertThat(ScheduleTimes.next(spec("0 9 * * 1-5", null), at("2026-01-08T10:00:00Z"), 4))
                    .containsExactly(
                            at("2026-01-09T09:00:00Z"),
                            at("2026-01-12T09:00:00Z"),
                            at("2026-01-13T09:00:00Z"),
                            at("2026-01-14T09:00:00Z"));
            assertThat(ScheduleTimes.next(spec("0 9 * * *", null), at("2026-01-08T10:00:00Z"), 0))
                    .isEmpty();
        }

        @Test
        void refusesANegativeCount() {
            assertThatThrownBy(() -> ScheduleTimes.next(spec("0 9 * * *", null), Instant.EPOCH, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void firesOnEitherDayFieldWhenBothAreRestricted() {
            assertThat(ScheduleTimes.next(spec("0 0 13 * 5", null), at("2026-04-01T00:00:00Z"), 5))
                    .containsExactly(
                            at("2026-04-03T00:00:00Z"),
                            at("2026-04-10T00:00:00Z"),
                            at("2026-04-13T00:00:00Z"),
                            at("2026-04-17T00:00:00Z"),
                            at("2026-04-24T00:00:00Z"));
        }

        @Test
        void needsBothDayFieldsWhenOneStartsWithAStar() {
            assertThat(ScheduleTimes.next(spec("0 0 */2 * 1", null), at("2026-06-01T00:00:00Z"), 3))
                    .containsExactly(
                            at("2026-06-01T00:00:00Z"), at("2026-06-15T00:00:00Z"), at("2026-06-29T00:00:00Z"));
        }

        @ParameterizedTest(name = "{0} from {1} → {2}")
        @CsvSource({
            "0 9 L * *,      2026-02-01T00:00:00Z, 2026-02-28T09:00:00Z",
            "0 9 L * *,      2028-02-01T00:00:00Z, 2028-02-29T09:00:00Z",
            "0 9 LW * *,     2026-05-01T00:00:00Z, 2026-05-29T09:00:00Z",
            "0 9 15W * *,    2026-08-01T00:00:00Z, 2026-08-14T09:00:00Z",
            "0 9 15W * *,    2026-03-01T00:00:00Z, 2026-03-16T09:00:00Z",
            "0 9 1W * *,     2026-07-02T00:00:00Z, 2026-08-03T09:00:00Z",
            "0 9 31W * *,    2026-04-01T00:00:00Z, 2026-05-29T09:00:00Z",
            "0 9 * * 5L,     2026-01-01T00:00:00Z, 2026-01-30T09:00:00Z",
            "0 9 * * 1#2,    2026-01-01T00:00:00Z, 2026-01-12T09:00:00Z",
            "0 0 * 2 1#5,    2017-01-01T00:00:00Z, 2044-02-29T00:00:00Z",
            "cron(0 12 ? * 6L *), 2026-01-01T00:00:00Z, 2026-01-30T12:00:00Z",
            "cron(0 12 ? * MON#1 *), 2026-05-05T00:00:00Z, 2026-06-01T12:00:00Z",
            "cron(0 12 ? * 1 *), 2026-01-01T00:00:00Z, 2026-01-04T12:00:00Z",
            "0 9 * * 7,      2026-01-01T00:00:00Z, 2026-01-04T09:00:00Z",
            "0 0 29 2 *,     2026-03-01T00:00:00Z, 2028-02-29T00:00:00Z",
        })
        void appliesTheDayRules(String cron, String from, String expected) {
            assertThat(ScheduleTimes.next(spec(cron, null), at(from))).isEqualTo(at(expected));
        }

        @Test
        void returnsNullForAnExpressionThatNeverMatches() {
            ScheduleSpec impossible = new ScheduleSpec(
                    ScheduleKind.CRON,
                    "0 0 30 2 *",
                    null,
                    null,
                    null,
                    ZoneId.of("UTC"),
                    0,
                    300,
                    null,
                    null,
                    null,
                    true);

            assertThat(ScheduleTimes.next(impossible, at("2026-01-01T00:00:00Z")))
                    .isNull();
            assertThat(ScheduleTimes.next(impossible, at("2026-01-01T00:00:00Z"), 10))
                    .isEmpty();
        }

        @Test
        void resolvesSecondsWithASixFieldExpression() {
            assertThat(ScheduleTimes.next(spec("*/20 * * * * *", null), at("2026-01-01T00:00:01Z"), 3))
                    .containsExactly(
                            at("2026-01-01T00:00:20Z"), at("2026-01-01T00:00:40Z"), at("2026-01-01T00:01:00Z"));
            assertThat(ScheduleTimes.next(spec("30 0 9 * * *", null), at("2026-01-01T09:00:30.5Z")))
                    .isEqualTo(at("2026-01-02T09:00:30Z"));
        }
    }

    @Nested
    class OtherKinds {

        @Test
        void firesIntervalsAtMultiplesSinceTheEpochWhateverTheTimezone() {
            ScheduleSpec hourlyUtc = spec("rate(60 minutes)", null);
            ScheduleSpec hourlyKathmandu = spec("rate(60 minutes)", "Asia/Kathmandu");

            assertThat(ScheduleTimes.next(hourlyUtc, at("2026-01-07T10:17:00Z")))
                    .isEqualTo(at("2026-01-07T11:00:00Z"));
            assertThat(ScheduleTimes.next(hourlyKathmandu, at("2026-01-07T10:17:00Z")))
                    .isEqualTo(at("2026-01-07T11:00:00Z"));
            assertThat(ScheduleTimes.next(hourlyUtc, at("2026-01-07T11:00:00Z")))
                    .isEqualTo(at("2026-01-07T11:00:00Z"));
            assertThat(ScheduleTimes.next(hourlyUtc, at("2026-01-07T11:00:00.000001Z")))
                    .isEqualTo(at("2026-01-07T12:00:00Z"));
        }

        @Test
        void firesOddIntervalsAtTheSameInstantsOnEveryReplica() {
            List<Instant> times = ScheduleTimes.next(spec("rate(7 minutes)", null), at("2026-01-07T10:00:00Z"), 20);

            assertThat(times)
                    .allSatisfy(t -> assertThat(t.getEpochSecond() % 420).isZero());
            assertThat(times).first().isEqualTo(at("2026-01-07T10:00:00Z"));
            assertThat(times.get(1)).isEqualTo(at("2026-01-07T10:07:00Z"));
            assertThat(ScheduleTimes.next(spec("rate(7 minutes)", null), times.get(5), 3))
                    .containsExactly(times.get(5), times.get(6), times.get(7));
        }

        @Test
        void firesOnceAtItsInstantAndNeverAgain() {
            ScheduleSpec once = spec("at(2026-06-15T14:30:00)", null);

            assertThat(ScheduleTimes.next(once, at("2026-06-01T00:00:00Z"), 3))
                    .containsExactly(at("2026-06-15T14:30:00Z"));
            assertThat(ScheduleTimes.next(once, at("2026-06-15T14:30:00Z"))).isEqualTo(at("2026-06-15T14:30:00Z"));
            assertThat(ScheduleTimes.next(once, at("2026-06-15T14:30:00.001Z"))).isNull();
        }

        @Test
        void neverFiresAManualSchedule() {
            assertThat(ScheduleTimes.next(spec("manual", null), Instant.EPOCH)).isNull();
            assertThat(ScheduleTimes.next(spec("manual", null), Instant.EPOCH, 5))
                    .isEmpty();
        }

        @Test
        void firesDailyTimesInOrderEveryDay() {
            ScheduleSpec daily = object("{'kind':'daily','times':['17:00','09:00'],'timezone':'Europe/Berlin'}");

            assertThat(ScheduleTimes.next(daily, at("2026-01-07T09:00:00Z"), 3))
                    .containsExactly(
                            at("2026-01-07T16:00:00Z"), at("2026-01-08T08:00:00Z"), at("2026-01-08T16:00:00Z"));
        }

        @Test
        void computesDisabledSchedulesLikeEnabledOnes() {
            ScheduleSpec disabled = object("{'kind':'cron','cron':'0 9 * * *','enabled':false}");

            assertThat(ScheduleTimes.next(disabled, at("2026-01-07T00:00:00Z"))).isEqualTo(at("2026-01-07T09:00:00Z"));
        }
    }

    @Nested
    class StartAndEnd {

        @Test
        void skipsOccurrencesBeforeStartAt() {
            ScheduleSpec spec = object("{'kind':'cron','cron':'0 * * * *','start_at':'2026-01-07T12:30:00Z'}");

            assertThat(ScheduleTimes.next(spec, at("2026-01-01T00:00:00Z"))).isEqualTo(at("2026-01-07T13:00:00Z"));
        }

        @Test
        void firesAnOccurrenceExactlyAtEndAtAndNothingAfter() {
            ScheduleSpec spec = object("{'kind':'interval','every_minutes':60,'end_at':'2026-01-07T12:00:00Z'}");

            assertThat(ScheduleTimes.next(spec, at("2026-01-07T09:30:00Z"), 10))
                    .containsExactly(
                            at("2026-01-07T10:00:00Z"), at("2026-01-07T11:00:00Z"), at("2026-01-07T12:00:00Z"));
            assertThat(ScheduleTimes.next(spec, at("2026-01-07T12:00:01Z"))).isNull();
        }

        @Test
        void neverFiresAOnceScheduleOutsideItsWindow() {
            ScheduleSpec spec = object("{'kind':'once','at':'2026-06-15T14:30:00Z','start_at':'2026-07-01T00:00:00Z'}");

            assertThat(ScheduleTimes.next(spec, at("2026-01-01T00:00:00Z"))).isNull();
        }
    }

    /** DST days: New York 2026-03-08 and 2026-11-01, Berlin 2026-03-29 and 2026-10-25. */
    @Nested
    class DaylightSavingTime {

        @Test
        void firesOnceAtTheEndOfTheGapForAFixedTime() {
            assertThat(ScheduleTimes.next(spec("30 2 * * *", NEW_YORK), at("2026-03-07T12:00:00Z"), 2))
                    .containsExactly(local("2026-03-08T03:00-04:00"), local("2026-03-09T02:30-04:00"));
            assertThat(ScheduleTimes.next(spec("30 2 * * *", BERLIN), at("2026-03-28T12:00:00Z"), 2))
                    .containsExactly(local("2026-03-29T03:00+02:00"), local("2026-03-30T02:30+02:00"));
        }

        @Test
        void firesAtTheGapEndWhenAskedFromExactlyThatInstant() {
            ScheduleSpec spec = spec("30 2 * * *", NEW_YORK);

            assertThat(ScheduleTimes.next(spec, local("2026-03-08T03:00-04:00")))
                    .isEqualTo(local("2026-03-08T03:00-04:00"));
            assertThat(ScheduleTimes.next(spec, local("2026-03-08T03:00-04:00").plusMillis(1)))
                    .isEqualTo(local("2026-03-09T02:30-04:00"));
        }

        @Test
        void firesOnceAtTheFirstPassOfARepeatedFixedTime() {
            assertThat(ScheduleTimes.next(spec("30 1 * * *", NEW_YORK), at("2026-10-31T12:00:00Z"), 2))
                    .containsExactly(local("2026-11-01T01:30-04:00"), local("2026-11-02T01:30-05:00"));
            assertThat(ScheduleTimes.next(spec("30 2 * * *", BERLIN), at("2026-10-24T12:00:00Z"), 2))
                    .containsExactly(local("2026-10-25T02:30+02:00"), local("2026-10-26T02:30+01:00"));
        }

        @Test
        void skipsTheSecondPassWhenAskedFromInsideIt() {
            assertThat(ScheduleTimes.next(spec("30 1 * * *", NEW_YORK), local("2026-11-01T01:10-05:00")))
                    .isEqualTo(local("2026-11-02T01:30-05:00"));
        }

        @Test
        void firesSeveralFixedTimesOfOneGapOnce() {
            assertThat(ScheduleTimes.next(spec("0,30 1-3 * * *", NEW_YORK), local("2026-03-08T01:00-05:00"), 5))
                    .containsExactly(
                            local("2026-03-08T01:00-05:00"),
                            local("2026-03-08T01:30-05:00"),
                            local("2026-03-08T03:00-04:00"),
                            local("2026-03-08T03:30-04:00"),
                            local("2026-03-09T01:00-04:00"));
        }

        @Test
        void firesFixedHoursOnceThroughTheOverlap() {
            assertThat(ScheduleTimes.next(spec("0 1-3 * * *", NEW_YORK), local("2026-11-01T00:00-04:00"), 4))
                    .containsExactly(
                            local("2026-11-01T01:00-04:00"),
                            local("2026-11-01T02:00-05:00"),
                            local("2026-11-01T03:00-05:00"),
                            local("2026-11-02T01:00-05:00"));
        }

        @Test
        void skipsTheMissingHourForAnHourlyExpressionInTheGap() {
            assertThat(ScheduleTimes.next(spec("0 * * * *", NEW_YORK), local("2026-03-08T00:00-05:00"), 4))
                    .containsExactly(
                            local("2026-03-08T00:00-05:00"),
                            local("2026-03-08T01:00-05:00"),
                            local("2026-03-08T03:00-04:00"),
                            local("2026-03-08T04:00-04:00"));
            assertThat(ScheduleTimes.next(spec("0 * * * *", BERLIN), local("2026-03-29T00:00+01:00"), 4))
                    .containsExactly(
                            local("2026-03-29T00:00+01:00"),
                            local("2026-03-29T01:00+01:00"),
                            local("2026-03-29T03:00+02:00"),
                            local("2026-03-29T04:00+02:00"));
        }

        @Test
        void firesBothPassesOfTheRepeatedHourForAnHourlyExpression() {
            assertThat(ScheduleTimes.next(spec("0 * * * *", NEW_YORK), local("2026-11-01T00:00-04:00"), 4))
                    .containsExactly(
                            local("2026-11-01T00:00-04:00"),
                            local("2026-11-01T01:00-04:00"),
                            local("2026-11-01T01:00-05:00"),
                            local("2026-11-01T02:00-05:00"));
            assertThat(ScheduleTimes.next(spec("0 * * * *", BERLIN), local("2026-10-25T01:00+02:00"), 4))
                    .containsExactly(
                            local("2026-10-25T01:00+02:00"),
                            local("2026-10-25T02:00+02:00"),
                            local("2026-10-25T02:00+01:00"),
                            local("2026-10-25T03:00+01:00"));
        }

        @Test
        void firesAFixedMinuteOfEveryHourOnRealTime() {
            assertThat(ScheduleTimes.next(spec("15 * * * *", NEW_YORK), local("2026-11-01T01:00-04:00"), 3))
                    .containsExactly(
                            local("2026-11-01T01:15-04:00"),
                            local("2026-11-01T01:15-05:00"),
                            local("2026-11-01T02:15-05:00"));
        }

        @Test
        void firesDailyTimesInsideTheGapOnceAtItsEnd() {
            ScheduleSpec daily =
                    object("{'kind':'daily','times':['02:00','02:30','09:00'],'timezone':'America/New_York'}");

            assertThat(ScheduleTimes.next(daily, local("2026-03-08T00:00-05:00"), 4))
                    .containsExactly(
                            local("2026-03-08T03:00-04:00"),
                            local("2026-03-08T09:00-04:00"),
                            local("2026-03-09T02:00-04:00"),
                            local("2026-03-09T02:30-04:00"));
            ScheduleSpec berlin = object("{'kind':'daily','times':['02:30'],'timezone':'Europe/Berlin'}");
            assertThat(ScheduleTimes.next(berlin, local("2026-03-29T00:00+01:00")))
                    .isEqualTo(local("2026-03-29T03:00+02:00"));
        }

        @Test
        void firesDailyTimesInsideTheOverlapOnceAtTheirFirstPass() {
            ScheduleSpec daily = object("{'kind':'daily','times':['01:30','09:00'],'timezone':'America/New_York'}");

            assertThat(ScheduleTimes.next(daily, local("2026-11-01T00:00-04:00"), 3))
                    .containsExactly(
                            local("2026-11-01T01:30-04:00"),
                            local("2026-11-01T09:00-05:00"),
                            local("2026-11-02T01:30-05:00"));
            ScheduleSpec berlin = object("{'kind':'daily','times':['02:30'],'timezone':'Europe/Berlin'}");
            assertThat(ScheduleTimes.next(berlin, local("2026-10-25T00:00+02:00"), 2))
                    .containsExactly(local("2026-10-25T02:30+02:00"), local("2026-10-26T02:30+01:00"));
        }

        @Test
        void firesSecondLevelExpressionsContinuouslyAcrossTheTransitions() {
            ScheduleSpec everyTwentySeconds = spec("*/20 * * * * *", NEW_YORK);

            assertThat(ScheduleTimes.next(everyTwentySeconds, local("2026-03-08T01:59:20-05:00"), 4))
                    .containsExactly(
                            local("2026-03-08T01:59:20-05:00"),
                            local("2026-03-08T01:59:40-05:00"),
                            local("2026-03-08T03:00:00-04:00"),
                            local("2026-03-08T03:00:20-04:00"));
            assertThat(ScheduleTimes.next(everyTwentySeconds, local("2026-11-01T01:59:40-04:00"), 3))
                    .containsExactly(
                            local("2026-11-01T01:59:40-04:00"),
                            local("2026-11-01T01:00:00-05:00"),
                            local("2026-11-01T01:00:20-05:00"));
        }

        @Test
        void firesAFixedSecondLevelTimeInTheGapAtItsEnd() {
            assertThat(ScheduleTimes.next(spec("15 30 2 * * *", BERLIN), local("2026-03-29T00:00+01:00")))
                    .isEqualTo(local("2026-03-29T03:00:00+02:00"));
        }

        @Test
        void resolvesAOnceCronInTheGapToItsEnd() {
            ScheduleSpec once = spec("cron(30 2 8 3 ? 2026)", NEW_YORK);

            assertThat(once.at()).isEqualTo(local("2026-03-08T03:00-04:00"));
        }
    }

    @Nested
    class DirectConstruction {

        @Test
        void refusesACronExpressionThatIsNotNormalized() {
            assertThatThrownBy(() -> cronSpec("0 9 * * MON"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cron '0 9 * * MON' is not normalized; it reads '0 9 * * 1'");
            assertThatThrownBy(() -> cronSpec("0 99 * * *"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cron '0 99 * * *': hour must be 0–23, got 99");
        }

        @Test
        void refusesValuesTheParserWouldNeverProduce() {
            ZoneId utc = ZoneId.of("UTC");
            List<Runnable> invalid = List.of(
                    () -> new ScheduleSpec(
                            ScheduleKind.DAILY,
                            null,
                            List.of(LocalTime.NOON, LocalTime.MIDNIGHT),
                            null,
                            null,
                            utc,
                            0,
                            300,
                            null,
                            null,
                            null,
                            true),
                    () -> new ScheduleSpec(
                            ScheduleKind.INTERVAL, null, null, 0, null, utc, 0, 300, null, null, null, true),
                    () -> new ScheduleSpec(
                            ScheduleKind.MANUAL, null, null, null, null, utc, 3601, 300, null, null, null, true),
                    () -> new ScheduleSpec(
                            ScheduleKind.MANUAL, null, null, null, null, utc, 0, -1, null, null, null, true),
                    () -> new ScheduleSpec(
                            ScheduleKind.MANUAL, "0 9 * * *", null, null, null, utc, 0, 300, null, null, null, true),
                    () -> new ScheduleSpec(
                            ScheduleKind.ONCE, null, null, null, null, utc, 0, 300, null, null, null, true),
                    () -> new ScheduleSpec(
                            ScheduleKind.MANUAL,
                            null,
                            null,
                            null,
                            null,
                            utc,
                            0,
                            300,
                            at("2026-01-02T00:00:00Z"),
                            at("2026-01-01T00:00:00Z"),
                            null,
                            true));

            assertThat(invalid).allSatisfy(construction -> assertThatThrownBy(construction::run)
                    .isInstanceOf(IllegalArgumentException.class));
        }

        private ScheduleSpec cronSpec(String cron) {
            return new ScheduleSpec(
                    ScheduleKind.CRON, cron, null, null, null, ZoneId.of("UTC"), 0, 300, null, null, null, true);
        }
    }

    @Nested
    class Jitter {

        @Test
        void addsNothingWithoutJitter() {
            assertThat(ScheduleTimes.jitter(spec("0 9 * * *", null), "sch_1", at("2026-01-07T09:00:00Z")))
                    .isEqualTo(Duration.ZERO);
        }

        @Test
        void delaysEachOccurrenceByTheSameAmountOnEveryCall() {
            ScheduleSpec spec = object("{'kind':'interval','every_minutes':1,'jitter_seconds':30}");
            List<Instant> occurrences = ScheduleTimes.next(spec, at("2026-01-07T09:00:00Z"), 200);
            Set<Duration> distinct = new HashSet<>();

            for (Instant occurrence : occurrences) {
                Duration jitter = ScheduleTimes.jitter(spec, "sch_01JD0000000000000000000000", occurrence);
                assertThat(jitter).isBetween(Duration.ZERO, Duration.ofSeconds(30));
                assertThat(ScheduleTimes.jitter(spec, "sch_01JD0000000000000000000000", occurrence))
                        .isEqualTo(jitter);
                distinct.add(jitter);
            }
            assertThat(distinct)
                    .as("jitter spreads occurrences over the window")
                    .hasSizeGreaterThan(150);
        }

        @Test
        void spreadsSchedulesThatShareAnOccurrence() {
            ScheduleSpec spec = object("{'kind':'cron','cron':'0 9 * * *','jitter_seconds':600}");
            Set<Duration> distinct = new HashSet<>();

            IntStream.range(0, 100)
                    .forEach(i -> distinct.add(ScheduleTimes.jitter(spec, "sch_" + i, at("2026-01-07T09:00:00Z"))));

            assertThat(distinct).hasSizeGreaterThan(95);
        }
    }

    private static ScheduleSpec spec(String text, String timezone) {
        return ScheduleParser.parse(TextNode.valueOf(text), "schedule", timezone);
    }

    private static ScheduleSpec object(String singleQuoted) {
        try {
            JsonNode node = JSON.readTree(singleQuoted.replace('\'', '"'));
            return ScheduleParser.parse(node, "schedule", null);
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** A local time with its offset, e.g. {@code 2026-03-08T03:00-04:00} (03:00 EDT). */
    private static Instant local(String offsetDateTime) {
        return ZonedDateTime.parse(offsetDateTime).toInstant();
    }
}
