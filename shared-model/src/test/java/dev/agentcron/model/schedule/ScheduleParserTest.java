package dev.agentcron.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentcron.model.validation.FieldError;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_YORK = "America/New_York";

    static Stream<Arguments> stringForms() {
        return Stream.of(
                // standard cron: spacing, names, Sunday as 7, seconds
                arguments("0 9 * * *", null, "{'kind':'cron','cron':'0 9 * * *','timezone':'UTC'}"),
                arguments("0 9 * * *", NEW_YORK, "{'kind':'cron','cron':'0 9 * * *','timezone':'America/New_York'}"),
                arguments("  0   9 *  * * ", null, "{'kind':'cron','cron':'0 9 * * *'}"),
                arguments("0 9 * * mon-FRI", null, "{'kind':'cron','cron':'0 9 * * 1-5'}"),
                arguments("0 9 * jan,Jul SUN", null, "{'kind':'cron','cron':'0 9 * 1,7 0'}"),
                arguments("0 9 * * 7", null, "{'kind':'cron','cron':'0 9 * * 0'}"),
                arguments("0 9 * * 5-7", null, "{'kind':'cron','cron':'0 9 * * 5-7'}"),
                arguments("05 09 ? * ?", null, "{'kind':'cron','cron':'5 9 * * *'}"),
                arguments("*/1 * * * *", null, "{'kind':'cron','cron':'* * * * *'}"),
                arguments("5/1 * * * *", null, "{'kind':'cron','cron':'5-59 * * * *'}"),
                arguments("0/15 9-17/2 1-7 */3 *", null, "{'kind':'cron','cron':'0/15 9-17/2 1-7 */3 *'}"),
                arguments("*/5 * * * * *", null, "{'kind':'cron','cron':'*/5 * * * * *'}"),
                arguments("0 */5 * * * *", null, "{'kind':'cron','cron':'*/5 * * * *'}"),
                arguments("30 0 9 * * *", null, "{'kind':'cron','cron':'30 0 9 * * *'}"),
                arguments("0 9 L * *", null, "{'kind':'cron','cron':'0 9 L * *'}"),
                arguments("0 9 15w,LW * *", null, "{'kind':'cron','cron':'0 9 15W,LW * *'}"),
                arguments("0 9 * * FRI#2", null, "{'kind':'cron','cron':'0 9 * * 5#2'}"),
                arguments("0 9 * * 5l", null, "{'kind':'cron','cron':'0 9 * * 5L'}"),
                // EventBridge cron(...): 1 = Sunday, ? dropped, year * dropped, single instant → once
                arguments("cron(0 9 ? * MON,WED,FRI *)", null, "{'kind':'cron','cron':'0 9 * * 1,3,5'}"),
                arguments("cron(0 9 ? * 2-6 *)", null, "{'kind':'cron','cron':'0 9 * * 1-5'}"),
                arguments("cron(0 9 ? * 1 *)", null, "{'kind':'cron','cron':'0 9 * * 0'}"),
                arguments("cron(0 9 ? * 2/2 *)", null, "{'kind':'cron','cron':'0 9 * * 1/2'}"),
                arguments("CRON( 0/15 * * * ? * )", null, "{'kind':'cron','cron':'0/15 * * * *'}"),
                arguments("cron(0 12 L * ? *)", null, "{'kind':'cron','cron':'0 12 L * *'}"),
                arguments("cron(0 8 1W * ? *)", null, "{'kind':'cron','cron':'0 8 1W * *'}"),
                arguments("cron(0 12 ? * 6L *)", null, "{'kind':'cron','cron':'0 12 * * 5L'}"),
                arguments("cron(0 12 ? * L *)", null, "{'kind':'cron','cron':'0 12 * * 6'}"),
                arguments("cron(0 12 ? * MON#1 *)", null, "{'kind':'cron','cron':'0 12 * * 1#1'}"),
                arguments("cron(0 12 ? * 2#1 *)", null, "{'kind':'cron','cron':'0 12 * * 1#1'}"),
                arguments(
                        "cron(0 9 ? JAN-MAR MON *)",
                        NEW_YORK,
                        "{'kind':'cron','cron':'0 9 * 1-3 1','timezone':'America/New_York'}"),
                arguments(
                        "cron(30 14 15 6 ? 2026)",
                        null,
                        "{'kind':'once','at':'2026-06-15T14:30:00.000Z','timezone':'UTC'}"),
                arguments("cron(30 14 15 6 ? 2026)", NEW_YORK, "{'kind':'once','at':'2026-06-15T18:30:00.000Z'}"),
                // rate(...), at(...), manual
                arguments("rate(1 minute)", null, "{'kind':'interval','every_minutes':1}"),
                arguments("rate(5 minutes)", null, "{'kind':'interval','every_minutes':5}"),
                arguments("rate(2 hours)", null, "{'kind':'interval','every_minutes':120}"),
                arguments("RATE(1 Day)", null, "{'kind':'interval','every_minutes':1440}"),
                arguments("at(2026-06-15T14:30:00)", null, "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("at(2026-06-15T14:30:00)", NEW_YORK, "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("at(2026-06-15T14:30)", null, "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("at(2026-06-15T14:30:00Z)", null, "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("at(2026-06-15T16:30:00+02:00)", null, "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("manual", NEW_YORK, "{'kind':'manual','timezone':'America/New_York'}"),
                arguments("Manual", null, "{'kind':'manual'}"),
                // JSON-encoded objects: API form and seed 003 form
                arguments(
                        "{\"kind\":\"interval\",\"every_minutes\":60}", null, "{'kind':'interval','every_minutes':60}"),
                arguments(
                        "{\"mode\":\"SCHEDULED\",\"tasksPerDay\":2,\"times\":[\"09:00\",\"17:00\"]}",
                        null,
                        "{'kind':'daily','times':['09:00','17:00'],'timezone':'UTC'}"),
                arguments(
                        "{\"mode\":\"SCHEDULED\",\"rateMinutes\":120}",
                        null,
                        "{'kind':'interval','every_minutes':120}"),
                arguments("{\"mode\":\"SCHEDULED\",\"times\":[]}", null, "{'kind':'manual'}"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" (timezone {1})")
    @MethodSource("stringForms")
    void normalizesEveryStringForm(String input, String defaultTimezone, String expected) {
        assertNormalizes(TextNode.valueOf(input), defaultTimezone, expected);
    }

    static Stream<Arguments> objectForms() {
        return Stream.of(
                arguments(
                        "{'kind':'cron','cron':'0 9 * * *'}",
                        null,
                        "{'kind':'cron','cron':'0 9 * * *','timezone':'UTC','jitter_seconds':0,'catchup_window_seconds':300,"
                                + "'start_at':null,'end_at':null,'input':{},'enabled':true}"),
                arguments(
                        "{'kind':'cron','cron':'0 9 * * *','timezone':'America/New_York','jitter_seconds':30,"
                                + "'catchup_window_seconds':600,'start_at':'2026-01-01T00:00:00Z','end_at':'2026-12-31T00:00:00+01:00',"
                                + "'input':{'topic':'prices','depth':2},'enabled':false}",
                        null,
                        "{'kind':'cron','cron':'0 9 * * *','timezone':'America/New_York','jitter_seconds':30,'catchup_window_seconds':600,"
                                + "'start_at':'2026-01-01T00:00:00.000Z','end_at':'2026-12-30T23:00:00.000Z',"
                                + "'input':{'topic':'prices','depth':2},'enabled':false}"),
                arguments("{'kind':'CRON','cron':'cron(0 9 ? * MON *)'}", null, "{'kind':'cron','cron':'0 9 * * 1'}"),
                arguments(
                        "{'kind':'cron','cron':'cron(30 14 15 6 ? 2026)','timezone':'Europe/Berlin'}",
                        NEW_YORK,
                        "{'kind':'once','at':'2026-06-15T12:30:00.000Z','timezone':'Europe/Berlin'}"),
                arguments("{'kind':'cron','cron':'0 9 * * *'}", NEW_YORK, "{'timezone':'America/New_York'}"),
                arguments(
                        "{'kind':'cron','cron':'0 9 * * *','timezone':'europe/berlin'}",
                        NEW_YORK,
                        "{'timezone':'Europe/Berlin'}"),
                arguments(
                        "{'kind':'daily','times':['17:00','9:05','12:30']}",
                        null,
                        "{'kind':'daily','times':['09:05','12:30','17:00']}"),
                arguments(
                        "{'kind':'daily','times':['23:55','00:00']}",
                        null,
                        "{'kind':'daily','times':['00:00','23:55']}"),
                arguments("{'kind':'interval','every_minutes':1440}", null, "{'kind':'interval','every_minutes':1440}"),
                arguments(
                        "{'kind':'once','at':'2026-06-15T14:30:00.123456Z'}",
                        null,
                        "{'kind':'once','at':'2026-06-15T14:30:00.123Z'}"),
                arguments(
                        "{'kind':'once','at':'2026-06-15T14:30:00'}",
                        NEW_YORK,
                        "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments("{'kind':'manual','input':{'a':[1,2]}}", null, "{'kind':'manual','input':{'a':[1,2]}}"),
                arguments(
                        "{'kind':'manual','timezone':null,'jitter_seconds':null,'start_at':null,'input':null,'enabled':null}",
                        null,
                        "{'kind':'manual','timezone':'UTC','jitter_seconds':0,'start_at':null,'input':{},'enabled':true}"),
                // seed 003 objects
                arguments(
                        "{'mode':'SCHEDULED','tasksPerDay':2,'times':['09:00','17:00']}",
                        null,
                        "{'kind':'daily','times':['09:00','17:00'],'timezone':'UTC'}"),
                arguments(
                        "{'mode':'SCHEDULED','times':['17:00','09:00']}",
                        null,
                        "{'kind':'daily','times':['09:00','17:00']}"),
                arguments("{'mode':'SCHEDULED','times':[]}", null, "{'kind':'manual'}"),
                arguments("{'mode':'SCHEDULED','rateMinutes':120}", null, "{'kind':'interval','every_minutes':120}"),
                arguments(
                        "{'mode':'SCHEDULED','cronExpression':'cron(0 9 ? * MON,WED,FRI *)'}",
                        null,
                        "{'kind':'cron','cron':'0 9 * * 1,3,5'}"),
                arguments(
                        "{'mode':'ONCE','at':'2026-06-15T14:30','cronExpression':'cron(30 14 15 6 ? 2026)'}",
                        null,
                        "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments(
                        "{'mode':'ONCE','at':'2026-06-15T14:30'}",
                        null,
                        "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments(
                        "{'mode':'ONCE','cronExpression':'cron(30 14 15 6 ? 2026)'}",
                        null,
                        "{'kind':'once','at':'2026-06-15T14:30:00.000Z'}"),
                arguments(
                        "{'mode':'scheduled','rateMinutes':60,'jitter_seconds':300}",
                        null,
                        "{'kind':'interval','every_minutes':60,'jitter_seconds':300}"));
    }

    @ParameterizedTest(name = "[{index}] {0} (timezone {1})")
    @MethodSource("objectForms")
    void normalizesEveryObjectForm(String input, String defaultTimezone, String expected) {
        assertNormalizes(json(input), defaultTimezone, expected);
    }

    @Test
    void readsTheSeedResponsesJsonEncodedScheduleString() {
        String encoded = "{\"mode\":\"SCHEDULED\",\"tasksPerDay\":2,\"times\":[\"09:00\",\"17:00\"]}";

        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf(encoded), "schedule", null);

        assertThat(spec.kind()).isEqualTo(ScheduleKind.DAILY);
        assertThat(spec.times()).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(spec.timezone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void returnsTheDocumentedNormalizedObjectExactly() {
        ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf("0 9 * * *"), "schedule", NEW_YORK);

        assertThat(spec.toJson().toString())
                .isEqualTo(
                        "{\"kind\":\"cron\",\"cron\":\"0 9 * * *\",\"timezone\":\"America/New_York\",\"jitter_seconds\":0,"
                                + "\"catchup_window_seconds\":300,\"start_at\":null,\"end_at\":null,\"input\":{},\"enabled\":true}");
    }

    @Test
    void keepsTheSpecImmutableWhenTheCallerChangesInputs() {
        ObjectNode input = JSON.createObjectNode().put("topic", "a");
        ObjectNode body = JSON.createObjectNode().put("kind", "manual");
        body.set("input", input);

        ScheduleSpec spec = ScheduleParser.parse(body, "schedule", null);
        input.put("topic", "changed");
        spec.input().put("topic", "changed too");

        assertThat(spec.input().get("topic").asText()).isEqualTo("a");
        assertThat(spec.toJson().get("input").get("topic").asText()).isEqualTo("a");
    }

    static Stream<Arguments> invalidStrings() {
        return Stream.of(
                arguments("75 9 * * *", "schedule", "minute must be 0–59, got 75"),
                arguments("0 24 * * *", "schedule", "hour must be 0–23, got 24"),
                arguments("0 9 32 * *", "schedule", "day-of-month must be 1–31, got 32"),
                arguments("0 9 * 13 *", "schedule", "month must be 1–12 or JAN–DEC, got 13"),
                arguments("0 9 * * 8", "schedule", "day-of-week must be 0–7 (0 or 7 = Sunday) or SUN–SAT, got 8"),
                arguments("60 0 9 * * *", "schedule", "second must be 0–59, got 60"),
                arguments(
                        "0 9 * * funday",
                        "schedule",
                        "day-of-week must be 0–7 (0 or 7 = Sunday) or SUN–SAT, a range (1-5), a list (1,3) or a step (*/15); got 'funday'"),
                arguments(
                        "0 9 * *",
                        "schedule",
                        "a cron expression has 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; got 4"),
                arguments(
                        "0 0 9 1 * * 2026",
                        "schedule",
                        "a cron expression has 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; got 7"),
                arguments("0 22-2 * * *", "schedule", "hour range 22-2 runs backwards; split it into two ranges"),
                arguments("*/0 * * * *", "schedule", "minute step must be 1–60, got 0"),
                arguments("0 9 1,,2 * *", "schedule", "day-of-month has an empty list entry in '1,,2'"),
                arguments("? 9 * * *", "schedule", "'?' is only allowed in day-of-month and day-of-week"),
                arguments("0 9 * * MON#6", "schedule", "the week number after '#' must be 1–5, got 6"),
                arguments(
                        "0 0 30 2 *", "schedule", "'0 0 30 2 *' never fires: no date matches its day and month fields"),
                arguments(
                        "0 0 31 4,6,9,11 *",
                        "schedule",
                        "'0 0 31 4,6,9,11 *' never fires: no date matches its day and month fields"),
                arguments(
                        "every day",
                        "schedule",
                        "schedule must be a cron expression (0 9 * * *), cron(...), rate(...), "
                                + "at(...), manual, or a schedule object with a kind; got 'every day'"),
                arguments(
                        "",
                        "schedule",
                        "schedule must be a cron expression (0 9 * * *), cron(...), rate(...), "
                                + "at(...), manual, or a schedule object with a kind; got ''"),
                arguments(
                        "cron(0 9 * * MON *)",
                        "schedule",
                        "in cron(...) exactly one of day-of-month and day-of-week "
                                + "must be '?', e.g. cron(0 9 ? * MON-FRI *) or cron(0 9 1 * ? *)"),
                arguments(
                        "cron(0 9 ? * ? *)",
                        "schedule",
                        "in cron(...) exactly one of day-of-month and day-of-week "
                                + "must be '?', e.g. cron(0 9 ? * MON-FRI *) or cron(0 9 1 * ? *)"),
                arguments(
                        "cron(0 9 * * ?)",
                        "schedule",
                        "cron(...) has 6 fields (minutes hours day-of-month month day-of-week year); got 5"),
                arguments("cron(0 9 ? * 0 *)", "schedule", "day-of-week must be 1–7 (1 = Sunday) or SUN–SAT, got 0"),
                arguments(
                        "cron(0 9 ? * MON 2026)",
                        "schedule",
                        "recurring cron(...) expressions limited to certain years "
                                + "are not supported; use * as the year, or name a single date and time such as cron(30 14 15 6 ? 2026)"),
                arguments(
                        "cron(0 9 1 1 ? 2026-2027)",
                        "schedule",
                        "recurring cron(...) expressions limited to certain years "
                                + "are not supported; use * as the year, or name a single date and time such as cron(30 14 15 6 ? 2026)"),
                arguments("cron(0 9 30 2 ? 2026)", "schedule", "cron(...) names 2026-02-30, which is not a date"),
                arguments("cron(0 9 1 1 ? 1969)", "schedule", "year must be 1970–2199, got 1969"),
                arguments(
                        "rate(0 minutes)",
                        "schedule",
                        "rate(...) must be between 1 minute and 1 day (1440 minutes); got 0 minutes"),
                arguments(
                        "rate(2 days)",
                        "schedule",
                        "rate(...) must be between 1 minute and 1 day (1440 minutes); got 2880 minutes"),
                arguments(
                        "rate(5 weeks)",
                        "schedule",
                        "rate(...) must look like rate(15 minutes), rate(2 hours) or rate(1 day); got rate(5 weeks)"),
                arguments(
                        "at(tomorrow)",
                        "schedule",
                        "at(...) must hold a date and time such as at(2026-06-15T14:30:00); got at(tomorrow)"),
                arguments(
                        "at(2026-02-30T10:00:00)",
                        "schedule",
                        "at(...) must hold a date and time such as at(2026-06-15T14:30:00); got at(2026-02-30T10:00:00)"),
                arguments("{not json", "schedule", "schedule looks like a JSON object but is not valid JSON"),
                arguments(
                        "{\"mode\":\"SCHEDULED\",\"rateMinutes\":0}",
                        "schedule.rateMinutes",
                        "rateMinutes must be 1–1440 (one day), got 0"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}: {2}")
    @MethodSource("invalidStrings")
    void rejectsInvalidStringsNamingTheProblem(String input, String field, String message) {
        assertRejected(TextNode.valueOf(input), null, new FieldError(field, message));
    }

    static Stream<Arguments> invalidObjects() {
        return Stream.of(
                arguments(
                        "{'cron':'0 9 * * *'}",
                        "schedule.kind",
                        "kind is required: cron, daily, interval, once or manual"),
                arguments(
                        "{'kind':'weekly'}",
                        "schedule.kind",
                        "kind must be cron, daily, interval, once or manual; got \"weekly\""),
                arguments("{'kind':7}", "schedule.kind", "kind must be cron, daily, interval, once or manual; got 7"),
                arguments(
                        "{'kind':'cron'}",
                        "schedule.cron",
                        "cron is required: a cron expression such as \"0 9 * * *\""),
                arguments("{'kind':'cron','cron':5}", "schedule.cron", "cron must be a string such as \"0 9 * * *\""),
                arguments(
                        "{'kind':'cron','cron':'0 9 * * 8'}",
                        "schedule.cron",
                        "day-of-week must be 0–7 (0 or 7 = Sunday) or SUN–SAT, got 8"),
                arguments(
                        "{'kind':'cron','cron':'rate(5 minutes)'}",
                        "schedule.cron",
                        "cron must be a cron expression; use kind interval for rate(...)"),
                arguments(
                        "{'kind':'cron','cron':'at(2026-06-15T14:30:00)'}",
                        "schedule.cron",
                        "cron must be a cron expression; use kind once for at(...)"),
                arguments(
                        "{'kind':'cron','cron':'0 9 * * *','times':['09:00']}",
                        "schedule.times",
                        "times is only used with kind daily"),
                arguments("{'kind':'daily','times':[]}", "schedule.times", "times needs 1–24 entries; got 0"),
                arguments(
                        "{'kind':'daily'}",
                        "schedule.times",
                        "times is required: an array of HH:mm times such as [\"09:00\",\"17:00\"]"),
                arguments(
                        "{'kind':'daily','times':'09:00'}",
                        "schedule.times",
                        "times must be an array of HH:mm times such as [\"09:00\",\"17:00\"]"),
                arguments(
                        "{'kind':'daily','times':['09:00','25:00']}",
                        "schedule.times[1]",
                        "'25:00' is not a time of day; use HH:mm from 00:00 to 23:59"),
                arguments(
                        "{'kind':'daily','times':['9am']}",
                        "schedule.times[0]",
                        "'9am' is not a time of day; use HH:mm from 00:00 to 23:59"),
                arguments(
                        "{'kind':'daily','times':[900]}",
                        "schedule.times[0]",
                        "'900' is not a time of day; use HH:mm from 00:00 to 23:59"),
                arguments(
                        "{'kind':'daily','times':['09:00','09:03']}",
                        "schedule.times[1]",
                        "09:03 is only 3 minutes from 09:00 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'kind':'daily','times':['23:58','12:00','00:01']}",
                        "schedule.times[2]",
                        "00:01 is only 3 minutes from 23:58 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'kind':'daily','times':['00:01','23:58']}",
                        "schedule.times[1]",
                        "23:58 is only 3 minutes from 00:01 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'kind':'daily','times':['09:00','17:00','09:00']}",
                        "schedule.times[2]",
                        "09:00 repeats 09:00 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'kind':'daily','times':['00:00','00:04']}",
                        "schedule.times[1]",
                        "00:04 is only 4 minutes from 00:00 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'kind':'interval','every_minutes':0}",
                        "schedule.every_minutes",
                        "every_minutes must be 1–1440 (one day), got 0"),
                arguments(
                        "{'kind':'interval','every_minutes':1441}",
                        "schedule.every_minutes",
                        "every_minutes must be 1–1440 (one day), got 1441"),
                arguments(
                        "{'kind':'interval','every_minutes':'60'}",
                        "schedule.every_minutes",
                        "every_minutes must be a whole number"),
                arguments(
                        "{'kind':'interval','every_minutes':1.5}",
                        "schedule.every_minutes",
                        "every_minutes must be a whole number"),
                arguments(
                        "{'kind':'interval'}",
                        "schedule.every_minutes",
                        "every_minutes is required: a number of minutes (1–1440)"),
                arguments("{'kind':'once'}", "schedule.at", "at is required: a date-time such as 2026-06-15T14:30:00Z"),
                arguments(
                        "{'kind':'once','at':'next tuesday'}",
                        "schedule.at",
                        "at must be an RFC 3339 date-time such as 2026-06-15T14:30:00Z; got \"next tuesday\""),
                arguments(
                        "{'kind':'manual','timezone':'America/NewYork'}",
                        "schedule.timezone",
                        "unknown time zone 'America/NewYork'; use an IANA name such as America/New_York"),
                arguments(
                        "{'kind':'manual','timezone':'Europe/Berln'}",
                        "schedule.timezone",
                        "unknown time zone 'Europe/Berln'; use an IANA name such as Europe/Berlin"),
                arguments(
                        "{'kind':'manual','timezone':'Mars/Olympus_Mons'}",
                        "schedule.timezone",
                        "unknown time zone 'Mars/Olympus_Mons'; use an IANA name such as America/New_York"),
                arguments(
                        "{'kind':'manual','timezone':'+02:00'}",
                        "schedule.timezone",
                        "unknown time zone '+02:00'; use an IANA name such as America/New_York"),
                arguments(
                        "{'kind':'manual','timezone':2}",
                        "schedule.timezone",
                        "timezone must be an IANA time zone name such as America/New_York"),
                arguments(
                        "{'kind':'manual','jitter_seconds':3601}",
                        "schedule.jitter_seconds",
                        "jitter_seconds must be 0–3600, got 3601"),
                arguments(
                        "{'kind':'manual','jitter_seconds':-1}",
                        "schedule.jitter_seconds",
                        "jitter_seconds must be 0–3600, got -1"),
                arguments(
                        "{'kind':'manual','catchup_window_seconds':86401}",
                        "schedule.catchup_window_seconds",
                        "catchup_window_seconds must be 0–86400, got 86401"),
                arguments(
                        "{'kind':'manual','start_at':'yesterday'}",
                        "schedule.start_at",
                        "start_at must be an RFC 3339 date-time such as 2026-06-15T14:30:00Z; got \"yesterday\""),
                arguments(
                        "{'kind':'manual','start_at':'2026-02-01T00:00:00Z','end_at':'2026-01-01T00:00:00Z'}",
                        "schedule.end_at",
                        "end_at must be after start_at"),
                arguments(
                        "{'kind':'manual','start_at':'2026-02-01T00:00:00Z','end_at':'2026-02-01T01:00:00+01:00'}",
                        "schedule.end_at",
                        "end_at must be after start_at"),
                arguments("{'kind':'manual','input':[1]}", "schedule.input", "input must be a JSON object"),
                arguments("{'kind':'manual','input':'{}'}", "schedule.input", "input must be a JSON object"),
                arguments("{'kind':'manual','enabled':'yes'}", "schedule.enabled", "enabled must be true or false"),
                arguments("{'kind':'manual','foo':1}", "schedule.foo", "unknown property 'foo'"),
                arguments("{'kind':'manual','next_run_at':null}", "schedule.next_run_at", "next_run_at is read-only"),
                arguments("{'kind':'manual','id':'sch_1'}", "schedule.id", "id is read-only"),
                // seed 003 objects
                arguments(
                        "{'mode':'SCHEDULED','tasksPerDay':3,'times':['09:00','17:00']}",
                        "schedule.tasksPerDay",
                        "tasksPerDay is 3 but times has 2 entries"),
                arguments(
                        "{'mode':'SCHEDULED','tasksPerDay':25,'times':['09:00']}",
                        "schedule.tasksPerDay",
                        "tasksPerDay must be 1–24, got 25"),
                arguments(
                        "{'mode':'SCHEDULED','tasksPerDay':2,'times':[]}",
                        "schedule.tasksPerDay",
                        "tasksPerDay must be 0 when times is empty (manual), got 2"),
                arguments(
                        "{'mode':'SCHEDULED','times':['09:00','09:04']}",
                        "schedule.times[1]",
                        "09:04 is only 4 minutes from 09:00 (times[0]); daily times must be at least 5 minutes apart"),
                arguments(
                        "{'mode':'SCHEDULED'}",
                        "schedule",
                        "a SCHEDULED schedule needs times, rateMinutes or cronExpression"),
                arguments(
                        "{'mode':'SCHEDULED','times':['09:00'],'rateMinutes':60}",
                        "schedule.rateMinutes",
                        "use only one of times, rateMinutes and cronExpression"),
                arguments(
                        "{'mode':'SCHEDULED','rateMinutes':1441}",
                        "schedule.rateMinutes",
                        "rateMinutes must be 1–1440 (one day), got 1441"),
                arguments(
                        "{'mode':'SCHEDULED','cronExpression':'cron(0 9 * * MON *)'}",
                        "schedule.cronExpression",
                        "in cron(...) exactly one of day-of-month and day-of-week must be '?', e.g. cron(0 9 ? * MON-FRI *) or cron(0 9 1 * ? *)"),
                arguments(
                        "{'mode':'SCHEDULED','cronExpression':5}",
                        "schedule.cronExpression",
                        "cronExpression must be a string such as \"cron(0 9 ? * MON-FRI *)\""),
                arguments(
                        "{'mode':'SCHEDULED','rateMinutes':60,'at':'2026-06-15T14:30'}",
                        "schedule.at",
                        "at is only used with mode ONCE"),
                arguments("{'mode':'WEEKLY'}", "schedule.mode", "mode must be SCHEDULED or ONCE; got \"WEEKLY\""),
                arguments("{'mode':'ONCE'}", "schedule.at", "at is required: a date-time such as 2026-06-15T14:30"),
                arguments(
                        "{'mode':'ONCE','at':'15 June'}",
                        "schedule.at",
                        "at must be an RFC 3339 date-time such as 2026-06-15T14:30:00Z; got \"15 June\""),
                arguments(
                        "{'mode':'ONCE','at':'2026-06-15T14:30','cronExpression':'cron(30 14 15 6 ? 2026 9)'}",
                        "schedule.cronExpression",
                        "cron(...) has 6 fields (minutes hours day-of-month month day-of-week year); got 7"),
                arguments(
                        "{'mode':'ONCE','at':'2026-06-15T14:30','cronExpression':'30 14 15 6 *'}",
                        "schedule.cronExpression",
                        "cronExpression must be an EventBridge expression such as cron(30 14 15 6 ? 2026)"),
                arguments(
                        "{'mode':'ONCE','cronExpression':'cron(0 9 ? * MON *)'}",
                        "schedule.cronExpression",
                        "a ONCE schedule's cronExpression must name one date and time, e.g. cron(30 14 15 6 ? 2026)"),
                arguments(
                        "{'mode':'ONCE','at':'2026-06-15T14:30','rateMinutes':5}",
                        "schedule.rateMinutes",
                        "rateMinutes is only used with mode SCHEDULED"),
                arguments(
                        "{'mode':'SCHEDULED','times':['09:00'],'baseUrl':'x'}",
                        "schedule.baseUrl",
                        "unknown property 'baseUrl'"));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}: {2}")
    @MethodSource("invalidObjects")
    void rejectsInvalidObjectsNamingTheField(String input, String field, String message) {
        assertRejected(json(input), null, new FieldError(field, message));
    }

    @Test
    void rejectsValuesThatAreNeitherObjectsNorStrings() {
        for (JsonNode value : List.of(JSON.getNodeFactory().numberNode(42), JSON.createArrayNode(), JSON.nullNode())) {
            assertRejected(
                    value,
                    null,
                    new FieldError("schedule", "schedule must be an object or a string such as \"0 9 * * *\""));
        }
        assertRejected(
                null, null, new FieldError("schedule", "schedule must be an object or a string such as \"0 9 * * *\""));
    }

    @Test
    void reportsAnUnknownDefaultTimezoneAgainstTheTopLevelTimezoneField() {
        assertRejected(
                TextNode.valueOf("0 9 * * *"),
                "Europe/Paaris",
                new FieldError("timezone", "unknown time zone 'Europe/Paaris'; use an IANA name such as Europe/Paris"));
    }

    @Test
    void ignoresTheDefaultTimezoneWhenTheObjectNamesItsOwn() {
        ScheduleSpec spec = ScheduleParser.parse(
                json("{'kind':'cron','cron':'0 9 * * *','timezone':'Asia/Tokyo'}"), "schedule", "Nowhere/At_All");

        assertThat(spec.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void prefixesEveryFieldWithTheGivenPath() {
        assertRejected(
                json("{'kind':'interval','every_minutes':0}"),
                null,
                "schedules[3]",
                new FieldError("schedules[3].every_minutes", "every_minutes must be 1–1440 (one day), got 0"));
        assertRejected(
                json("{'kind':'daily','times':['10:00','10:01']}"),
                null,
                "behaviors.schedules[0]",
                new FieldError(
                        "behaviors.schedules[0].times[1]",
                        "10:01 is only 1 minute from 10:00 (times[0]); daily times must be at least 5 minutes apart"));
        assertRejected(
                TextNode.valueOf("0 99 * * *"),
                null,
                "schedules[1]",
                new FieldError("schedules[1]", "hour must be 0–23, got 99"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        JsonNode body = json(
                "{'kind':'daily','times':['25:00','10:00','10:02'],'jitter_seconds':-1,'timezone':'Utopia','color':'red'}");

        assertThatThrownBy(() -> ScheduleParser.parse(body, "schedule", null))
                .isInstanceOfSatisfying(ScheduleValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder(
                                "schedule.color",
                                "schedule.timezone",
                                "schedule.jitter_seconds",
                                "schedule.times[0]",
                                "schedule.times[2]"));
    }

    @Test
    void parsesItsOwnOutputToAnEqualSpec() {
        List<String> inputs = List.of(
                "0 9 * * mon-fri",
                "*/10 * * * * *",
                "cron(0 12 ? * 6L *)",
                "rate(90 minutes)",
                "at(2026-06-15T14:30:00.5+05:30)",
                "manual",
                "{\"mode\":\"SCHEDULED\",\"times\":[\"17:00\",\"09:00\"]}");
        for (String input : inputs) {
            ScheduleSpec spec = ScheduleParser.parse(TextNode.valueOf(input), "schedule", "Europe/Berlin");

            assertThat(ScheduleParser.parse(spec.toJson(), "schedule", null))
                    .as(input)
                    .isEqualTo(spec);
        }
    }

    @Test
    void exposesTypedFieldsOfTheNormalizedSpec() {
        ScheduleSpec spec = ScheduleParser.parse(
                json(
                        "{'kind':'once','at':'2026-06-15T14:30:00Z','start_at':'2026-06-01T00:00:00Z','jitter_seconds':5}"),
                "schedule",
                null);

        assertThat(spec.kind()).isEqualTo(ScheduleKind.ONCE);
        assertThat(spec.at()).isEqualTo(Instant.parse("2026-06-15T14:30:00Z"));
        assertThat(spec.startAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(spec.endAt()).isNull();
        assertThat(spec.jitterSeconds()).isEqualTo(5);
        assertThat(spec.catchupWindowSeconds()).isEqualTo(300);
        assertThat(spec.cron()).isNull();
        assertThat(spec.times()).isEmpty();
        assertThat(spec.everyMinutes()).isNull();
        assertThat(spec.enabled()).isTrue();
    }

    private static void assertNormalizes(JsonNode input, String defaultTimezone, String expectedSubset) {
        ScheduleSpec spec = ScheduleParser.parse(input, "schedule", defaultTimezone);
        ObjectNode normalized = spec.toJson();
        JsonNode expected = json(expectedSubset);
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(normalized.get(field.getKey()))
                    .as(field.getKey() + " of " + normalized)
                    .isEqualTo(field.getValue());
        }
        assertThat(ScheduleParser.parse(normalized, "schedule", null))
                .as("reparsed " + normalized)
                .isEqualTo(spec);
    }

    private static void assertRejected(JsonNode input, String defaultTimezone, FieldError expected) {
        assertRejected(input, defaultTimezone, "schedule", expected);
    }

    private static void assertRejected(JsonNode input, String defaultTimezone, String path, FieldError expected) {
        assertThatThrownBy(() -> ScheduleParser.parse(input, path, defaultTimezone))
                .isInstanceOfSatisfying(ScheduleValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(expected));
    }

    /** JSON written with single quotes, for readable tables. */
    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
