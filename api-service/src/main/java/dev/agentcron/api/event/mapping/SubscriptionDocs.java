package dev.agentcron.api.event.mapping;

/** Descriptions shared by the subscription request schemas and operations. */
public final class SubscriptionDocs {

    public static final String TOPIC = "Topic pattern, at most 255 characters: dot-separated non-empty tokens; `*`"
            + " matches exactly one token, `>` (last token only) one or more remaining tokens.";
    public static final String FILTER = "A flat JSON object: every entry must equal the same-named top-level field of"
            + " `event.data` (numbers compare by value; `null` matches a null or missing field). Values must be"
            + " strings, numbers, booleans or null. Default `{}` (every event).";
    public static final String INPUT_MAPPING = "A JSON object used as the run input. In its strings `{event.topic}`,"
            + " `{event.id}`, `{event.data}` and `{event.data.<path>}` are replaced; a string that is exactly one"
            + " placeholder keeps the value's JSON type, a missing path becomes null. Any other placeholder is a 400."
            + " Null or absent: the run input is `{\"event\": {\"id\", \"topic\", \"data\"}}`.";

    private SubscriptionDocs() {}
}
