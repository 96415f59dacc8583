package dev.agentcron.model.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.schedule.CronExpression.AwsCron;
import dev.agentcron.model.validation.FieldError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schedule in any form the API accepts and normalizes it into a {@link ScheduleSpec}:
 *
 * <ul>
 *   <li>API objects with {@code kind} ({@code cron}, {@code daily}, {@code interval}, {@code once}, {@code
 *       manual}), their kind field and the common fields;
 *   <li>strings: a 5-field cron ({@code 0 9 * * *}), a 6-field cron with seconds first ({@code *}{@code /5 * *
 *       * * *}), EventBridge {@code cron(min hour dom month dow year)}, {@code rate(N minutes|hours|days)},
 *       {@code at(2026-06-15T14:30:00)}, {@code manual}, or a JSON-encoded object;
 *   <li>seed-003 objects with {@code mode} ({@code SCHEDULED} with {@code times}/{@code tasksPerDay}, {@code
 *       rateMinutes} or {@code cronExpression}; {@code ONCE} with {@code at}), as objects or JSON strings.
 * </ul>
 *
 * <p>Every problem found is reported, each naming its field below the given path ({@code schedule.times[1]}).
 * Date-times without an offset are UTC. {@code defaultTimezone} (a request's top-level {@code timezone}) is
 * the time zone of any form that does not name its own.
 */
public final class ScheduleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> COMMON_FIELDS =
            Set.of("timezone", "jitter_seconds", "catchup_window_seconds", "start_at", "end_at", "input", "enabled");
    private static final Map<String, ScheduleKind> KIND_FIELDS = Map.of(
            "cron", ScheduleKind.CRON,
            "times", ScheduleKind.DAILY,
            "every_minutes", ScheduleKind.INTERVAL,
            "at", ScheduleKind.ONCE);
    private static final Set<String> SEED_FIELDS =
            Set.of("mode", "tasksPerDay", "times", "rateMinutes", "cronExpression", "at");
    private static final Set<String> READ_ONLY_FIELDS =
            Set.of("id", "agent_id", "next_run_at", "next_run_times", "missed_count", "created_at", "updated_at");

    private static final Pattern WRAPPED = Pattern.compile("(?i)(cron|rate|at)\\s*\\((.*)\\)");
    private static final Pattern RATE = Pattern.compile("(?i)(\\d{1,9})\\s+(minute|minutes|hour|hours|day|days)");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final String DATE_TIME_EXAMPLE = "2026-06-15T14:30:00Z";
    private static final String FORMS = "a cron expression (0 9 * * *), cron(...), rate(...), at(...), manual, "
            + "or a schedule object with a kind";

    private final String path;
    private final String defaultTimezone;
    private final List<FieldError> errors = new ArrayList<>();

    private ScheduleParser(String path, String defaultTimezone) {
        this.path = path == null ? "" : path;
        this.defaultTimezone = defaultTimezone;
    }

    /**
     * Parses and normalizes a schedule.
     *
     * @param value the schedule as sent: an object or a string
     * @param fieldPath the path of the value in the request, prefixed to every error's field ({@code schedule},
     *     {@code schedules[0]})
     * @param defaultTimezone the request's top-level {@code timezone} (nullable); used by forms that name none,
     *     else UTC
     * @return the normalized schedule
     * @throws ScheduleValidationException listing every problem, each with its field path and a message
     */
    public static ScheduleSpec parse(JsonNode value, String fieldPath, String defaultTimezone) {
        ScheduleParser parser = new ScheduleParser(fieldPath, defaultTimezone);
        ScheduleSpec spec = parser.parseValue(value);
        if (!parser.errors.isEmpty()) {
            throw new ScheduleValidationException(parser.errors);
        }
        return spec;
    }

    private ScheduleSpec parseValue(JsonNode value) {
        if (value != null && value.isObject()) {
            return parseObject((ObjectNode) value);
        }
        if (value != null && value.isTextual()) {
            String text = value.textValue().trim();
            return text.startsWith("{") ? parseEncodedObject(text) : parseShorthand(text);
        }
        return fail(path, "schedule must be an object or a string such as \"0 9 * * *\"");
    }

    private ScheduleSpec parseEncodedObject(String text) {
        JsonNode decoded;
        try {
            decoded = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return fail(path, "schedule looks like a JSON object but is not valid JSON");
        }
        if (!decoded.isObject()) {
            return fail(path, "schedule looks like a JSON object but is not valid JSON");
        }
        return parseObject((ObjectNode) decoded);
    }

    private ScheduleSpec parseShorthand(String text) {
        Common common = Common.defaults(defaultZone());
        return build(parseExpression(text, path, common.timezone()), common);
    }

    private ScheduleSpec parseObject(ObjectNode object) {
        if (object.has("kind") || !object.has("mode")) {
            return parseApiObject(object);
        }
        return parseSeedObject(object);
    }

    // ---- API objects ({"kind": ...}) ----

    private ScheduleSpec parseApiObject(ObjectNode object) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("kind") && !KIND_FIELDS.containsKey(name) && !COMMON_FIELDS.contains(name)) {
                rejectProperty(name);
            }
        }
        Common common = parseCommon(object);
        Optional<ScheduleKind> kind = parseKind(object.get("kind"));
        if (kind.isEmpty()) {
            return null;
        }
        KIND_FIELDS.forEach((field, owner) -> {
            if (owner != kind.get() && object.has(field)) {
                error(field(field), field + " is only used with kind " + owner.wireName());
            }
        });
        Rule rule =
                switch (kind.get()) {
                    case CRON -> parseCronField(object.get("cron"), common.timezone());
                    case DAILY -> Rule.daily(parseTimes(object.get("times"), "times", false));
                    case INTERVAL -> parseEveryMinutes(object.get("every_minutes"));
                    case ONCE -> parseAtField(object.get("at"), "at");
                    case MANUAL -> Rule.MANUAL;
                };
        return build(rule, common);
    }

    private Optional<ScheduleKind> parseKind(JsonNode kind) {
        String allowed = "cron, daily, interval, once or manual";
        if (kind == null || kind.isNull()) {
            error(field("kind"), "kind is required: " + allowed);
            return Optional.empty();
        }
        Optional<ScheduleKind> parsed =
                kind.isTextual() ? ScheduleKind.fromWireName(kind.textValue()) : Optional.empty();
        if (parsed.isEmpty()) {
            error(field("kind"), "kind must be " + allowed + "; got " + kind);
        }
        return parsed;
    }

    private Rule parseCronField(JsonNode cron, ZoneId zone) {
        if (cron == null || cron.isNull()) {
            return missing("cron", "a cron expression such as \"0 9 * * *\"");
        }
        if (!cron.isTextual()) {
            return wrongType("cron", "a string such as \"0 9 * * *\"");
        }
        String text = cron.textValue().trim();
        Matcher wrapped = WRAPPED.matcher(text);
        if (wrapped.matches() && !wrapped.group(1).equalsIgnoreCase("cron")) {
            error(
                    field("cron"),
                    "cron must be a cron expression; use kind "
                            + (wrapped.group(1).equalsIgnoreCase("rate") ? "interval" : "once") + " for "
                            + wrapped.group(1).toLowerCase(Locale.ROOT) + "(...)");
            return null;
        }
        return parseExpression(text, field("cron"), zone);
    }

    private Rule parseEveryMinutes(JsonNode everyMinutes) {
        if (everyMinutes == null || everyMinutes.isNull()) {
            return missing("every_minutes", "a number of minutes (1–1440)");
        }
        Integer minutes = integer(everyMinutes, "every_minutes", 1, ScheduleSpec.MAX_EVERY_MINUTES, " (one day)");
        return minutes == null ? null : Rule.interval(minutes);
    }

    private Rule parseAtField(JsonNode at, String name) {
        if (at == null || at.isNull()) {
            return missing(name, "a date-time such as " + DATE_TIME_EXAMPLE);
        }
        Optional<Instant> instant = at.isTextual() ? DateTimes.parse(at.textValue()) : Optional.empty();
        if (instant.isEmpty()) {
            error(field(name), name + " must be an RFC 3339 date-time such as " + DATE_TIME_EXAMPLE + "; got " + at);
            return null;
        }
        return Rule.once(instant.get());
    }

    // ---- seed-003 objects ({"mode": "SCHEDULED" | "ONCE", ...}) ----

    private ScheduleSpec parseSeedObject(ObjectNode object) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!SEED_FIELDS.contains(name) && !COMMON_FIELDS.contains(name)) {
                rejectProperty(name);
            }
        }
        Common common = parseCommon(object);
        JsonNode mode = object.get("mode");
        String modeName = mode.isTextual() ? mode.textValue().toUpperCase(Locale.ROOT) : "";
        Rule rule =
                switch (modeName) {
                    case "SCHEDULED" -> parseSeedScheduled(object, common.timezone());
                    case "ONCE" -> parseSeedOnce(object, common.timezone());
                    default -> {
                        error(field("mode"), "mode must be SCHEDULED or ONCE; got " + mode);
                        yield null;
                    }
                };
        return build(rule, common);
    }

    private Rule parseSeedScheduled(ObjectNode object, ZoneId zone) {
        List<String> present = new ArrayList<>();
        for (String name : List.of("times", "rateMinutes", "cronExpression")) {
            if (object.hasNonNull(name)) {
                present.add(name);
            }
        }
        if (object.has("at")) {
            error(field("at"), "at is only used with mode ONCE");
        }
        if (present.isEmpty()) {
            return fail(path, "a SCHEDULED schedule needs times, rateMinutes or cronExpression");
        }
        if (present.size() > 1) {
            error(field(present.get(1)), "use only one of times, rateMinutes and cronExpression");
            return null;
        }
        if (object.has("tasksPerDay") && !present.get(0).equals("times")) {
            error(field("tasksPerDay"), "tasksPerDay is only used with times");
        }
        return switch (present.get(0)) {
            case "times" -> parseSeedTimes(object);
            case "rateMinutes" -> {
                Integer minutes = integer(
                        object.get("rateMinutes"), "rateMinutes", 1, ScheduleSpec.MAX_EVERY_MINUTES, " (one day)");
                yield minutes == null ? null : Rule.interval(minutes);
            }
            default -> parseCronExpressionField(object.get("cronExpression"), zone);
        };
    }

    private Rule parseSeedTimes(ObjectNode object) {
        List<LocalTime> times = parseTimes(object.get("times"), "times", true);
        JsonNode tasksPerDay = object.get("tasksPerDay");
        if (times == null || tasksPerDay == null || tasksPerDay.isNull()) {
            return times == null ? null : times.isEmpty() ? Rule.MANUAL : Rule.daily(times);
        }
        if (times.isEmpty()) {
            Integer count = integer(tasksPerDay, "tasksPerDay", 0, 0, " when times is empty (manual)");
            return count == null ? null : Rule.MANUAL;
        }
        Integer count = integer(tasksPerDay, "tasksPerDay", 1, ScheduleSpec.MAX_DAILY_TIMES, "");
        if (count != null && count != times.size()) {
            error(field("tasksPerDay"), "tasksPerDay is " + count + " but times has " + times.size() + " entries");
            return null;
        }
        return count == null ? null : Rule.daily(times);
    }

    private Rule parseCronExpressionField(JsonNode expression, ZoneId zone) {
        if (!expression.isTextual()) {
            return wrongType("cronExpression", "a string such as \"cron(0 9 ? * MON-FRI *)\"");
        }
        return parseExpression(expression.textValue().trim(), field("cronExpression"), zone);
    }

    private Rule parseSeedOnce(ObjectNode object, ZoneId zone) {
        for (String name : List.of("times", "tasksPerDay", "rateMinutes")) {
            if (object.has(name)) {
                error(field(name), name + " is only used with mode SCHEDULED");
            }
        }
        JsonNode expression = object.get("cronExpression");
        if (object.hasNonNull("at")) {
            if (expression != null && !expression.isNull()) {
                checkOnceExpression(expression);
            }
            return parseAtField(object.get("at"), "at");
        }
        if (expression == null || expression.isNull()) {
            return missing("at", "a date-time such as 2026-06-15T14:30");
        }
        Rule rule = parseCronExpressionField(expression, zone);
        if (rule != null && rule.kind() != ScheduleKind.ONCE) {
            error(
                    field("cronExpression"),
                    "a ONCE schedule's cronExpression must name one date and time, " + "e.g. cron(30 14 15 6 ? 2026)");
            return null;
        }
        return rule;
    }

    /** A ONCE schedule's cronExpression next to its {@code at} is only checked for syntax. */
    private void checkOnceExpression(JsonNode expression) {
        Matcher wrapped =
                expression.isTextual() ? WRAPPED.matcher(expression.textValue().trim()) : null;
        if (wrapped == null || !wrapped.matches() || !wrapped.group(1).equalsIgnoreCase("cron")) {
            error(
                    field("cronExpression"),
                    "cronExpression must be an EventBridge expression such as " + "cron(30 14 15 6 ? 2026)");
            return;
        }
        try {
            CronExpression.parseAws(wrapped.group(2));
        } catch (CronSyntaxException e) {
            error(field("cronExpression"), e.getMessage());
        }
    }

    // ---- expressions: cron, cron(...), rate(...), at(...), manual ----

    private Rule parseExpression(String text, String field, ZoneId zone) {
        if (text.equalsIgnoreCase("manual")) {
            return Rule.MANUAL;
        }
        Matcher wrapped = WRAPPED.matcher(text);
        if (wrapped.matches()) {
            String inside = wrapped.group(2).trim();
            return switch (wrapped.group(1).toLowerCase(Locale.ROOT)) {
                case "cron" -> parseAwsCron(inside, field, zone);
                case "rate" -> parseRate(inside, field);
                default -> parseAt(inside, field);
            };
        }
        if (text.isEmpty() || !Character.isDigit(text.charAt(0)) && text.charAt(0) != '*' && text.charAt(0) != '?') {
            error(field, "schedule must be " + FORMS + "; got '" + text + "'");
            return null;
        }
        try {
            return cronRule(CronExpression.parse(text), field);
        } catch (CronSyntaxException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    private Rule parseAwsCron(String inside, String field, ZoneId zone) {
        try {
            AwsCron aws = CronExpression.parseAws(inside);
            if (aws.everyYear()) {
                return cronRule(aws.expression(), field);
            }
            Optional<LocalDateTime> single = aws.singleDateTime();
            if (single.isEmpty()) {
                error(
                        field,
                        "recurring cron(...) expressions limited to certain years are not supported; "
                                + "use * as the year, or name a single date and time such as cron(30 14 15 6 ? 2026)");
                return null;
            }
            return Rule.once(ScheduleTimes.firstInstantOf(single.get(), zone));
        } catch (CronSyntaxException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    private Rule cronRule(CronExpression expression, String field) {
        if (!expression.canEverMatch()) {
            error(field, "'" + expression.normalized() + "' never fires: no date matches its day and month fields");
            return null;
        }
        return Rule.cron(expression.normalized());
    }

    private Rule parseRate(String inside, String field) {
        Matcher rate = RATE.matcher(inside);
        if (!rate.matches()) {
            error(
                    field,
                    "rate(...) must look like rate(15 minutes), rate(2 hours) or rate(1 day); got rate(" + inside
                            + ")");
            return null;
        }
        String unit = rate.group(2).toLowerCase(Locale.ROOT);
        long minutes =
                Long.parseLong(rate.group(1)) * (unit.startsWith("day") ? 1440 : unit.startsWith("hour") ? 60 : 1);
        if (minutes < 1 || minutes > ScheduleSpec.MAX_EVERY_MINUTES) {
            error(field, "rate(...) must be between 1 minute and 1 day (1440 minutes); got " + minutes + " minutes");
            return null;
        }
        return Rule.interval((int) minutes);
    }

    private Rule parseAt(String inside, String field) {
        Optional<Instant> at = DateTimes.parse(inside);
        if (at.isEmpty()) {
            error(field, "at(...) must hold a date and time such as at(2026-06-15T14:30:00); got at(" + inside + ")");
            return null;
        }
        return Rule.once(at.get());
    }

    // ---- daily times ----

    /** Reads {@code ["09:00","17:00"]}: sorted, 1–24 entries (0 allowed when {@code emptyAllowed}), 5 minutes apart. */
    private List<LocalTime> parseTimes(JsonNode node, String name, boolean emptyAllowed) {
        if (node == null || node.isNull()) {
            missing(name, "an array of HH:mm times such as [\"09:00\",\"17:00\"]");
            return null;
        }
        if (!node.isArray()) {
            wrongType(name, "an array of HH:mm times such as [\"09:00\",\"17:00\"]");
            return null;
        }
        if (node.isEmpty() && !emptyAllowed || node.size() > ScheduleSpec.MAX_DAILY_TIMES) {
            error(field(name), name + " needs 1–" + ScheduleSpec.MAX_DAILY_TIMES + " entries; got " + node.size());
            return null;
        }
        List<LocalTime> times = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            LocalTime time = timeOfDay(node.get(i));
            if (time == null) {
                error(
                        field(name) + "[" + i + "]",
                        "'" + text(node.get(i)) + "' is not a time of day; use HH:mm from 00:00 to 23:59");
                valid = false;
            }
            times.add(time);
        }
        valid &= checkSpacing(times, name);
        return valid ? times.stream().sorted().toList() : null;
    }

    private boolean checkSpacing(List<LocalTime> times, String name) {
        boolean valid = true;
        for (int later = 1; later < times.size(); later++) {
            for (int earlier = 0; earlier < later && times.get(later) != null; earlier++) {
                if (times.get(earlier) == null) {
                    continue;
                }
                int apart = minutesApart(times.get(earlier), times.get(later));
                if (apart < ScheduleSpec.MIN_DAILY_GAP_MINUTES) {
                    String what = apart == 0
                            ? "repeats "
                            : "is only " + apart + (apart == 1 ? " minute" : " minutes") + " from ";
                    error(
                            field(name) + "[" + later + "]",
                            times.get(later) + " " + what + times.get(earlier) + " (" + name + "[" + earlier
                                    + "]); daily times must be at least " + ScheduleSpec.MIN_DAILY_GAP_MINUTES
                                    + " minutes apart");
                    valid = false;
                    break;
                }
            }
        }
        return valid;
    }

    /** Minutes between two times of day, the short way round the clock (23:58 and 00:01 are 3 apart). */
    private static int minutesApart(LocalTime a, LocalTime b) {
        int diff = Math.abs(a.toSecondOfDay() - b.toSecondOfDay()) / 60;
        return Math.min(diff, 1440 - diff);
    }

    private static LocalTime timeOfDay(JsonNode node) {
        Matcher m = node.isTextual() ? TIME_OF_DAY.matcher(node.textValue().trim()) : null;
        if (m == null || !m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour <= 23 && minute <= 59 ? LocalTime.of(hour, minute) : null;
    }

    // ---- common fields ----

    private Common parseCommon(ObjectNode object) {
        ZoneId zone = parseTimezone(object.get("timezone"));
        Integer jitter =
                optionalInteger(object.get("jitter_seconds"), "jitter_seconds", 0, ScheduleSpec.MAX_JITTER_SECONDS, 0);
        Integer catchup = optionalInteger(
                object.get("catchup_window_seconds"),
                "catchup_window_seconds",
                0,
                ScheduleSpec.MAX_CATCHUP_WINDOW_SECONDS,
                ScheduleSpec.DEFAULT_CATCHUP_WINDOW_SECONDS);
        Instant startAt = parseOptionalInstant(object.get("start_at"), "start_at");
        Instant endAt = parseOptionalInstant(object.get("end_at"), "end_at");
        if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
            error(field("end_at"), "end_at must be after start_at");
        }
        JsonNode input = object.get("input");
        if (input != null && !input.isNull() && !input.isObject()) {
            wrongType("input", "a JSON object");
        }
        JsonNode enabled = object.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            wrongType("enabled", "true or false");
        }
        return new Common(
                zone,
                jitter == null ? 0 : jitter,
                catchup == null ? ScheduleSpec.DEFAULT_CATCHUP_WINDOW_SECONDS : catchup,
                startAt,
                endAt,
                input != null && input.isObject() ? (ObjectNode) input : null,
                enabled == null || !enabled.isBoolean() || enabled.booleanValue());
    }

    private ZoneId parseTimezone(JsonNode timezone) {
        if (timezone == null || timezone.isNull()) {
            return defaultZone();
        }
        if (!timezone.isTextual()) {
            wrongType("timezone", "an IANA time zone name such as America/New_York");
            return Timezones.UTC;
        }
        return zone(timezone.textValue(), field("timezone"));
    }

    /** The request's top-level timezone, or UTC; an unknown one is reported against {@code timezone}. */
    private ZoneId defaultZone() {
        return defaultTimezone == null ? Timezones.UTC : zone(defaultTimezone, "timezone");
    }

    private ZoneId zone(String name, String field) {
        Optional<ZoneId> zone = Timezones.find(name);
        if (zone.isEmpty()) {
            error(field, Timezones.unknownMessage(name));
        }
        return zone.orElse(Timezones.UTC);
    }

    private Instant parseOptionalInstant(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<Instant> instant = node.isTextual() ? DateTimes.parse(node.textValue()) : Optional.empty();
        if (instant.isEmpty()) {
            error(field(name), name + " must be an RFC 3339 date-time such as " + DATE_TIME_EXAMPLE + "; got " + node);
        }
        return instant.orElse(null);
    }

    private Integer optionalInteger(JsonNode node, String name, int min, int max, int fallback) {
        return node == null || node.isNull() ? Integer.valueOf(fallback) : integer(node, name, min, max, "");
    }

    /** A whole number in [min, max], or null after reporting why not. */
    private Integer integer(JsonNode node, String name, int min, int max, String rangeNote) {
        if (node == null || !node.isIntegralNumber()) {
            wrongType(name, "a whole number");
            return null;
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            String range = min == max ? Integer.toString(min) : min + "–" + max;
            error(field(name), name + " must be " + range + rangeNote + ", got " + node);
            return null;
        }
        return node.intValue();
    }

    // ---- assembly and errors ----

    private ScheduleSpec build(Rule rule, Common common) {
        if (rule == null || !errors.isEmpty()) {
            return null;
        }
        return new ScheduleSpec(
                rule.kind(),
                rule.cron(),
                rule.times(),
                rule.everyMinutes(),
                rule.at(),
                common.timezone(),
                common.jitterSeconds(),
                common.catchupWindowSeconds(),
                common.startAt(),
                common.endAt(),
                common.input(),
                common.enabled());
    }

    private void rejectProperty(String name) {
        error(
                field(name),
                READ_ONLY_FIELDS.contains(name) ? name + " is read-only" : "unknown property '" + name + "'");
    }

    private <T> T missing(String name, String expected) {
        error(field(name), name + " is required: " + expected);
        return null;
    }

    private <T> T wrongType(String name, String expected) {
        error(field(name), name + " must be " + expected);
        return null;
    }

    private <T> T fail(String field, String message) {
        error(field, message);
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** The kind-specific part of a schedule. */
    private record Rule(ScheduleKind kind, String cron, List<LocalTime> times, Integer everyMinutes, Instant at) {

        static final Rule MANUAL = new Rule(ScheduleKind.MANUAL, null, List.of(), null, null);

        static Rule cron(String cron) {
            return new Rule(ScheduleKind.CRON, cron, List.of(), null, null);
        }

        static Rule daily(List<LocalTime> times) {
            return times == null ? null : new Rule(ScheduleKind.DAILY, null, times, null, null);
        }

        static Rule interval(int minutes) {
            return new Rule(ScheduleKind.INTERVAL, null, List.of(), minutes, null);
        }

        static Rule once(Instant at) {
            return new Rule(ScheduleKind.ONCE, null, List.of(), null, at);
        }
    }

    /** The fields every kind shares. */
    private record Common(
            ZoneId timezone,
            int jitterSeconds,
            int catchupWindowSeconds,
            Instant startAt,
            Instant endAt,
            ObjectNode input,
            boolean enabled) {

        static Common defaults(ZoneId timezone) {
            return new Common(timezone, 0, ScheduleSpec.DEFAULT_CATCHUP_WINDOW_SECONDS, null, null, null, true);
        }
    }
}
