package dev.agentcron.api.common.rest;

/** Paths and OpenAPI names shared by every resource. */
public final class Api {

    /** Base path of every endpoint. */
    public static final String BASE = "/api/v1";

    /** Longest wait of the checks a streaming endpoint runs before it opens its stream. */
    public static final java.time.Duration PRELUDE_TIMEOUT = java.time.Duration.ofSeconds(30);

    public static final String TAG_AGENTS = "Agents";
    public static final String TAG_SCHEDULES = "Schedules";
    public static final String TAG_RUNS = "Runs";
    public static final String TAG_ARTIFACTS = "Artifacts";
    public static final String TAG_STATS = "Stats";
    public static final String TAG_EVENTS = "Events";
    public static final String TAG_THREADS = "Threads";
    public static final String TAG_KEYS = "API keys";
    public static final String TAG_WORKSPACES = "Workspaces";

    private Api() {}
}
