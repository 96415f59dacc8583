package dev.agentcron.model.schedule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A normalized schedule: what {@link ScheduleParser} makes of any accepted input, what {@link ScheduleTimes}
 * computes occurrences from, and what {@link #toJson()} returns to API users. Immutable and always valid: the
 * constructor refuses, with an {@link IllegalArgumentException}, what the parser would never produce (a cron
 * expression that is not normalized, unsorted times, values out of range). Two specs are equal when they denote
 * the same normalized schedule, and {@code ScheduleParser.parse(spec.toJson(), …)} equals {@code spec}.
 *
 * @param kind which of the kind fields is set
 * @param cron {@link ScheduleKind#CRON}: the normalized expression, 5 fields ({@code 0 9 * * 1-5}) or 6 with
 *     a seconds field that is not {@code 0}; null otherwise
 * @param times {@link ScheduleKind#DAILY}: 1–24 local times, sorted, at least 5 minutes apart; empty otherwise
 * @param everyMinutes {@link ScheduleKind#INTERVAL}: 1–1440; null otherwise
 * @param at {@link ScheduleKind#ONCE}: the instant, in milliseconds; null otherwise
 * @param timezone the zone of cron and daily times (default UTC); kept but unused by interval and once
 * @param jitterSeconds 0–3600: each occurrence starts up to this much later ({@link ScheduleTimes#jitter})
 * @param catchupWindowSeconds 0–86400: how late a missed occurrence may still run (default 300)
 * @param startAt no occurrence before this instant; nullable
 * @param endAt no occurrence after this instant (an occurrence exactly at it still fires); nullable
 * @param input the JSON object handed to each run (default {@code {}})
 * @param enabled false when the schedule is switched off; occurrences are still computed
 */
public record ScheduleSpec(
        ScheduleKind kind,
        String cron,
        List<LocalTime> times,
        Integer everyMinutes,
        Instant at,
        ZoneId timezone,
        int jitterSeconds,
        int catchupWindowSeconds,
        Instant startAt,
        Instant endAt,
        ObjectNode input,
        boolean enabled) {

    /** The default {@code catchup_window_seconds}. */
    public static final int DEFAULT_CATCHUP_WINDOW_SECONDS = 300;

    /** The largest {@code catchup_window_seconds}: one day. */
    public static final int MAX_CATCHUP_WINDOW_SECONDS = 86_400;

    /** The largest {@code jitter_seconds}. */
    public static final int MAX_JITTER_SECONDS = 3600;

    /** The largest {@code every_minutes}: one day. */
    public static final int MAX_EVERY_MINUTES = 1440;

    /** The most {@code times} a daily schedule may have. */
    public static final int MAX_DAILY_TIMES = 24;

    /** How close two daily times may be, also across midnight. */
    public static final int MIN_DAILY_GAP_MINUTES = 5;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public ScheduleSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timezone, "timezone");
        times = times == null ? List.of() : List.copyOf(times);
        input = input == null ? JsonNodeFactory.instance.objectNode() : input.deepCopy();
        requireKindField(kind == ScheduleKind.CRON, cron != null, "cron");
        requireKindField(kind == ScheduleKind.DAILY, !times.isEmpty(), "times");
        requireKindField(kind == ScheduleKind.INTERVAL, everyMinutes != null, "everyMinutes");
        requireKindField(kind == ScheduleKind.ONCE, at != null, "at");
        if (cron != null) {
            requireNormalized(cron);
        }
        for (int i = 1; i < times.size(); i++) {
            require(times.get(i - 1).isBefore(times.get(i)), "times must be sorted and distinct");
        }
        require(times.size() <= MAX_DAILY_TIMES, "at most " + MAX_DAILY_TIMES + " times");
        require(
                everyMinutes == null || everyMinutes >= 1 && everyMinutes <= MAX_EVERY_MINUTES,
                "everyMinutes out of range");
        require(jitterSeconds >= 0 && jitterSeconds <= MAX_JITTER_SECONDS, "jitterSeconds out of range");
        require(
                catchupWindowSeconds >= 0 && catchupWindowSeconds <= MAX_CATCHUP_WINDOW_SECONDS,
                "catchupWindowSeconds out of range");
        require(startAt == null || endAt == null || endAt.isAfter(startAt), "endAt must be after startAt");
    }

    /** The input handed to each run (a copy: the spec stays immutable). */
    @Override
    public ObjectNode input() {
        return input.deepCopy();
    }

    /**
     * The normalized API object, e.g. {@code {"kind":"cron","cron":"0 9 * * *","timezone":"America/New_York",
     * "jitter_seconds":0,"catchup_window_seconds":300,"start_at":null,"end_at":null,"input":{},"enabled":true}};
     * daily has {@code "times":["09:00","17:00"]}, interval {@code "every_minutes":60}, once {@code
     * "at":"2026-06-15T14:30:00.000Z"}, manual no kind field.
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", kind.wireName());
        switch (kind) {
            case CRON -> json.put("cron", cron);
            case DAILY -> {
                ArrayNode array = json.putArray("times");
                times.forEach(time -> array.add(HH_MM.format(time)));
            }
            case INTERVAL -> json.put("every_minutes", everyMinutes);
            case ONCE -> json.put("at", DateTimes.format(at));
            case MANUAL -> {}
        }
        json.put("timezone", timezone.getId());
        json.put("jitter_seconds", jitterSeconds);
        json.put("catchup_window_seconds", catchupWindowSeconds);
        json.put("start_at", startAt == null ? null : DateTimes.format(startAt));
        json.put("end_at", endAt == null ? null : DateTimes.format(endAt));
        json.set("input", input.deepCopy());
        json.put("enabled", enabled);
        return json;
    }

    private static void requireNormalized(String cron) {
        String normalized;
        try {
            normalized = ScheduleTimes.parsed(cron).normalized();
        } catch (CronSyntaxException e) {
            throw new IllegalArgumentException("cron '" + cron + "': " + e.getMessage());
        }
        require(normalized.equals(cron), "cron '" + cron + "' is not normalized; it reads '" + normalized + "'");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireKindField(boolean kindNeedsIt, boolean present, String field) {
        if (kindNeedsIt != present) {
            throw new IllegalArgumentException(
                    kindNeedsIt ? field + " is required for this kind" : field + " belongs to another kind");
        }
    }
}
