package dev.agentcron.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Properties of parsing and next-fire computation over generated schedules, zones and instants. */
class SchedulePropertiesTest {

    private static final List<String> ZONES = List.of(
            "UTC",
            "America/New_York",
            "Europe/Berlin",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Pacific/Chatham",
            "Africa/Casablanca",
            "America/St_Johns");
    private static final List<String> DST_ZONES =
            List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago");
    private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2035-01-01T00:00:00Z");

    // ---- normalize ∘ parse ----

    @Property(tries = 1000)
    void parsingTheNormalizedFormGivesTheSameSpec(
            @ForAll("scheduleInputs") String input, @ForAll("zones") String timezone) {
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf(input), "schedule", timezone);

        ScheduleSpec again = ScheduleParser.parse(spec.toJson(), "schedule", null);

        assertThat(again).isEqualTo(spec);
        assertThat(again.toJson()).isEqualTo(spec.toJson());
    }

    @Property(tries = 300)
    void parsingANormalizedDailyObjectGivesTheSameSpec(@ForAll("dailyObjects") ObjectNode input) {
        ScheduleSpec spec = ScheduleParser.parse(input, "schedule", null);

        assertThat(ScheduleParser.parse(spec.toJson(), "schedule", null)).isEqualTo(spec);
        assertThat(spec.times()).isSorted().hasSize(input.get("times").size());
    }

    // ---- next times ----

    @Property(tries = 500)
    void nextTimesAreStrictlyIncreasingAndNeverBeforeFrom(
            @ForAll("specs") ScheduleSpec spec, @ForAll("instants") Instant from) {
        List<Instant> times = ScheduleTimes.next(spec, from, 25);

        assertThat(times).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(from));
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isAfter(times.get(i - 1));
        }
        if (!times.isEmpty()) {
            assertThat(ScheduleTimes.next(spec, from)).isEqualTo(times.get(0));
        }
    }

    @Property(tries = 300)
    void nextTimesStayInsideTheStartAndEndWindow(
            @ForAll("specs") ScheduleSpec unbounded,
            @ForAll("instants") Instant from,
            @ForAll @IntRange(min = 0, max = 20_000) int startMinutes,
            @ForAll @IntRange(min = 1, max = 20_000) int lengthMinutes) {
        Instant startAt = from.plus(Duration.ofMinutes(startMinutes - 10_000)).truncatedTo(ChronoUnit.MILLIS);
        Instant endAt = startAt.plus(Duration.ofMinutes(lengthMinutes));
        ScheduleSpec spec = withWindow(unbounded, startAt, endAt);

        List<Instant> times = ScheduleTimes.next(spec, from, 25);

        assertThat(times)
                .allSatisfy(t -> assertThat(t).isBetween(startAt, endAt).isAfterOrEqualTo(from));
        List<Instant> unboundedTimes = ScheduleTimes.next(unbounded, from.isAfter(startAt) ? from : startAt, 25);
        List<Instant> expected =
                unboundedTimes.stream().filter(t -> !t.isAfter(endAt)).toList();
        assertThat(times)
                .isEqualTo(expected.size() == 25 ? expected : expected.subList(0, Math.min(25, expected.size())));
    }

    @Property(tries = 200)
    void everyFiveMinutesFiresExactly300SecondsApartThroughBothTransitions(
            @ForAll("newYorkOrBerlin") String zone,
            @ForAll @IntRange(min = 0, max = 3) int transitionIndex,
            @ForAll @IntRange(min = -7200, max = 7200) int secondsAround) {
        Instant transition = transitions2026(ZoneId.of(zone)).get(transitionIndex);
        Instant from = transition.plusSeconds(secondsAround);
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf("*/5 * * * *"), "schedule", zone);

        List<Instant> times = ScheduleTimes.next(spec, from, 60);

        assertThat(times).hasSize(60);
        assertThat(times.get(0).getEpochSecond()).isEqualTo(Math.floorDiv(from.getEpochSecond() + 299, 300) * 300);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(Duration.ofSeconds(300));
        }
    }

    /**
     * Compares with a brute-force oracle, minute by minute, around DST transitions: real-time expressions fire at
     * every instant whose wall-clock time matches; fixed ones at the first instant of each matching local time
     * (the end of the gap when it does not exist).
     */
    @Property(tries = 400)
    void agreesWithABruteForceSearchAroundTransitions(
            @ForAll("simpleCrons") String cron,
            @ForAll("dstZones") String zone,
            @ForAll @IntRange(min = 0, max = 3) int transitionIndex,
            @ForAll @IntRange(min = -36 * 60, max = 36 * 60) int minutesAround,
            @ForAll @IntRange(min = 0, max = 59_999) int millis) {
        ZoneId zoneId = ZoneId.of(zone);
        List<Instant> transitions = transitions2026(zoneId);
        Instant from = transitions
                .get(transitionIndex % transitions.size())
                .plus(Duration.ofMinutes(minutesAround))
                .plusMillis(millis);
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf(cron), "schedule", zone);
        Instant horizon = from.plus(Duration.ofHours(36));

        Instant expected = BruteForce.next(cron, zoneId, from, horizon);
        Instant actual = ScheduleTimes.next(spec, from);

        if (expected != null) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a)
                    .isAfterOrEqualTo(horizon));
        }
    }

    @Property(tries = 300)
    void firesEveryDailyTimeWithinThreeDays(
            @ForAll("dailyObjects") ObjectNode input, @ForAll("instants") Instant from) {
        ScheduleSpec spec = ScheduleParser.parse(input, "schedule", null);

        List<Instant> times = ScheduleTimes.next(spec, from, spec.times().size() * 3);

        Set<LocalTime> localTimes = new HashSet<>();
        times.forEach(t -> localTimes.add(LocalTime.ofInstant(t, ZoneOffset.UTC)));
        assertThat(localTimes).containsExactlyInAnyOrderElementsOf(spec.times());
    }

    // ---- jitter ----

    @Property(tries = 1000)
    void jitterStaysInsideTheWindowAndIsTheSameOnEveryCall(
            @ForAll @IntRange(min = 0, max = 3600) int jitterSeconds,
            @ForAll("scheduleIds") String scheduleId,
            @ForAll("instants") Instant occurrence) {
        ObjectNode json =
                JsonNodeFactory.instance.objectNode().put("kind", "interval").put("every_minutes", 5);
        json.put("jitter_seconds", jitterSeconds);
        ScheduleSpec spec = ScheduleParser.parse(json, "schedule", null);

        Duration jitter = ScheduleTimes.jitter(spec, scheduleId, occurrence);

        assertThat(jitter).isBetween(Duration.ZERO, Duration.ofSeconds(jitterSeconds));
        assertThat(ScheduleTimes.jitter(spec, scheduleId, occurrence)).isEqualTo(jitter);
        assertThat(ScheduleTimes.jitter(ScheduleParser.parse(spec.toJson(), "s", null), scheduleId, occurrence))
                .isEqualTo(jitter);
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<String> dstZones() {
        return Arbitraries.of(DST_ZONES);
    }

    @Provide
    Arbitrary<String> newYorkOrBerlin() {
        return Arbitraries.of("America/New_York", "Europe/Berlin");
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(EARLIEST.toEpochMilli(), LATEST.toEpochMilli())
                .map(Instant::ofEpochMilli);
    }

    @Provide
    Arbitrary<String> scheduleIds() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(s -> "sch_" + s);
    }

    /** Cron strings in every accepted syntax (standard 5/6 fields, names, day rules, EventBridge), rate(...), at(...). */
    @Provide
    Arbitrary<String> scheduleInputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, standardCrons()),
                Tuple.of(2, awsCrons()),
                Tuple.of(1, Arbitraries.integers().between(1, 1440).map(n -> "rate(" + n + " minutes)")),
                Tuple.of(
                        1,
                        Arbitraries.integers().between(1, 24).map(n -> "rate(" + n + (n == 1 ? " hour)" : " hours)"))),
                Tuple.of(1, instants().map(i -> "at(" + LocalDateTime.ofInstant(i, ZoneOffset.UTC) + ")")),
                Tuple.of(1, Arbitraries.just("manual")));
    }

    @Provide
    Arbitrary<ScheduleSpec> specs() {
        Arbitrary<String> inputs = Arbitraries.frequencyOf(
                Tuple.of(4, standardCrons()),
                Tuple.of(1, awsCrons()),
                Tuple.of(1, Arbitraries.integers().between(1, 1440).map(n -> "rate(" + n + " minutes)")),
                Tuple.of(1, instants().map(i -> "at(" + i + ")")));
        Arbitrary<ScheduleSpec> fromStrings = Combinators.combine(inputs, zones())
                .as((input, zone) -> ScheduleParser.parse(TextNode.valueOf(input), "schedule", zone));
        Arbitrary<ScheduleSpec> dailies = Combinators.combine(dailyObjects(), zones())
                .as((json, zone) -> {
                    json.put("timezone", zone);
                    return ScheduleParser.parse(json, "schedule", null);
                });
        return Arbitraries.frequencyOf(Tuple.of(4, fromStrings), Tuple.of(1, dailies));
    }

    /** Daily objects with 1–24 times on a 5-minute grid (so at least 5 minutes apart, also across midnight), shuffled. */
    @Provide
    Arbitrary<ObjectNode> dailyObjects() {
        return Arbitraries.integers()
                .between(0, 287)
                .set()
                .ofMinSize(1)
                .ofMaxSize(24)
                .map(slots -> {
                    List<Integer> shuffled = new ArrayList<>(new TreeSet<>(slots));
                    Collections.shuffle(shuffled, new Random(slots.hashCode()));
                    ObjectNode json = JsonNodeFactory.instance.objectNode().put("kind", "daily");
                    ArrayNode times = json.putArray("times");
                    shuffled.forEach(slot -> times.add(String.format("%02d:%02d", slot * 5 / 60, slot * 5 % 60)));
                    return json;
                });
    }

    private Arbitrary<String> standardCrons() {
        Arbitrary<String> seconds = Arbitraries.of("", "0 ", "00 ", "*/15 ", "30 ", "5,35 ", "10-20/5 ");
        Arbitrary<String> fields = Combinators.combine(
                        field(0, 59, 30), field(0, 23, 12), dayOfMonth(), month(), dayOfWeek())
                .as((mi, h, dom, mo, dow) -> mi + " " + h + " " + dom + " " + mo + " " + dow);
        return Combinators.combine(seconds, fields).as(String::concat);
    }

    private Arbitrary<String> awsCrons() {
        Arbitrary<String> days = Arbitraries.oneOf(
                dayOfMonth().filter(d -> !d.startsWith("*") && !d.equals("?")).map(d -> d + " * ?"),
                Arbitraries.of("MON-FRI", "2-6", "1", "7", "SUN,SAT", "6L", "2#3", "L", "*")
                        .map(d -> "? * " + d));
        return Combinators.combine(field(0, 59, 30), field(0, 23, 12), days).as((mi, h, d) -> {
            String[] parts = d.split(" ");
            return "cron(" + mi + " " + h + " " + parts[0] + " " + parts[1] + " " + parts[2] + " *)";
        });
    }

    private static Arbitrary<String> field(int min, int max, int maxStep) {
        Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
        return Arbitraries.oneOf(
                Arbitraries.just("*"),
                Arbitraries.integers().between(1, maxStep).map(n -> "*/" + n),
                value.map(String::valueOf),
                Combinators.combine(value, value).as((a, b) -> Math.min(a, b) + "-" + Math.max(a, b)),
                Combinators.combine(value, value, Arbitraries.integers().between(1, maxStep))
                        .as((a, b, n) -> Math.min(a, b) + "-" + Math.max(a, b) + "/" + n),
                Combinators.combine(value, Arbitraries.integers().between(2, maxStep))
                        .as((a, n) -> a + "/" + n),
                value.list()
                        .ofMinSize(2)
                        .ofMaxSize(4)
                        .map(l ->
                                String.join(",", l.stream().map(String::valueOf).toList())));
    }

    private static Arbitrary<String> dayOfMonth() {
        return Arbitraries.oneOf(
                Arbitraries.of("*", "?", "*/2", "L", "LW", "15W", "1W", "1-7", "10-28/3", "1,15"),
                Arbitraries.integers().between(1, 28).map(String::valueOf));
    }

    private static Arbitrary<String> month() {
        return Arbitraries.of("*", "1", "JAN", "mar-oct", "*/3", "2,8", "DEC", "6-12/2");
    }

    private static Arbitrary<String> dayOfWeek() {
        return Arbitraries.of("*", "?", "1-5", "MON-FRI", "0", "7", "SUN,sat", "5L", "1#2", "*/2", "1/2", "3-7");
    }

    /** 5-field expressions the brute-force oracle understands: numbers, ranges, steps, lists, {@code *}. */
    @Provide
    Arbitrary<String> simpleCrons() {
        Arbitrary<String> dayOfMonth = Arbitraries.of("*", "*", "*", "1-15", "*/2", "10,20,28");
        Arbitrary<String> dayOfWeek = Arbitraries.of("*", "*", "*", "1-5", "0,6", "0");
        return Combinators.combine(field(0, 59, 30), field(0, 23, 12), dayOfMonth, dayOfWeek)
                .as((mi, h, dom, dow) -> mi + " " + h + " " + dom + " * " + dow);
    }

    // ---- helpers ----

    private static ScheduleSpec withWindow(ScheduleSpec spec, Instant startAt, Instant endAt) {
        return new ScheduleSpec(
                spec.kind(),
                spec.cron(),
                spec.times(),
                spec.everyMinutes(),
                spec.at(),
                spec.timezone(),
                spec.jitterSeconds(),
                spec.catchupWindowSeconds(),
                startAt,
                endAt,
                spec.input(),
                spec.enabled());
    }

    private static List<Instant> transitions2026(ZoneId zone) {
        List<Instant> transitions = new ArrayList<>();
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        while (t != null && t.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
            transitions.add(t.getInstant());
            t = zone.getRules().nextTransition(t.getInstant());
        }
        while (transitions.size() < 4) {
            transitions.addAll(List.copyOf(transitions));
        }
        return transitions;
    }

    /** An independent, deliberately naive reading of the cron and DST rules: minute by minute. */
    private static final class BruteForce {

        static Instant next(String cron, ZoneId zone, Instant from, Instant horizon) {
            String[] f = cron.split(" ");
            boolean realTime = f[0].contains("*") || f[1].contains("*");
            Instant start = from.truncatedTo(ChronoUnit.MINUTES);
            if (start.isBefore(from)) {
                start = start.plusSeconds(60);
            }
            if (realTime) {
                for (Instant i = start; i.isBefore(horizon); i = i.plusSeconds(60)) {
                    if (matches(f, LocalDateTime.ofInstant(i, zone))) {
                        return i;
                    }
                }
                return null;
            }
            Instant best = null;
            LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
            for (LocalDate date = first; date.isBefore(first.plusDays(4)); date = date.plusDays(1)) {
                for (int minute = 0; minute < 1440; minute++) {
                    LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                    if (matches(f, local)) {
                        Instant instant = firstInstant(local, zone);
                        if (!instant.isBefore(from) && (best == null || instant.isBefore(best))) {
                            best = instant;
                        }
                    }
                }
            }
            return best != null && best.isBefore(horizon) ? best : null;
        }

        private static Instant firstInstant(LocalDateTime local, ZoneId zone) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                return zone.getRules().getTransition(local).getInstant();
            }
            return offsets.stream()
                    .map(local::toInstant)
                    .min(Instant::compareTo)
                    .orElseThrow();
        }

        private static boolean matches(String[] f, LocalDateTime t) {
            boolean dom = values(f[2], 1, 31).contains(t.getDayOfMonth());
            boolean dow = values(f[4], 0, 6).contains(t.getDayOfWeek().getValue() % 7);
            boolean day = f[2].startsWith("*") || f[4].startsWith("*") ? dom && dow : dom || dow;
            return values(f[0], 0, 59).contains(t.getMinute())
                    && values(f[1], 0, 23).contains(t.getHour())
                    && values(f[3], 1, 12).contains(t.getMonthValue())
                    && day;
        }

        private static Set<Integer> values(String field, int min, int max) {
            Set<Integer> values = new HashSet<>();
            for (String part : field.split(",")) {
                String[] stepped = part.split("/");
                int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
                int from;
                int to;
                if (stepped[0].equals("*")) {
                    from = min;
                    to = max;
                } else if (stepped[0].contains("-")) {
                    from = Integer.parseInt(stepped[0].split("-")[0]);
                    to = Integer.parseInt(stepped[0].split("-")[1]);
                } else {
                    from = Integer.parseInt(stepped[0]);
                    to = stepped.length > 1 ? max : from;
                }
                for (int v = from; v <= to; v += step) {
                    values.add(v == 7 && max == 6 ? 0 : v);
                }
            }
            return values;
        }
    }
}
