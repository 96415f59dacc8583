package dev.agentcron.api.auth;

import java.util.List;

/** The scopes an API key may hold; each is also the security role of its holder ({@code @RolesAllowed}). */
public final class Scopes {

    /** Every GET on agents, schedules, runs, artifacts, threads, subscriptions, stats; schedule preview. */
    public static final String AGENTS_READ = "agents:read";
    /** Every other agent-related call. */
    public static final String AGENTS_WRITE = "agents:write";
    /** {@code POST /events}. */
    public static final String EVENTS_WRITE = "events:write";
    /** {@code /keys} in the key's own workspace. */
    public static final String KEYS_ADMIN = "keys:admin";
    /** {@code /workspaces}, and keys in other workspaces. */
    public static final String WORKSPACES_ADMIN = "workspaces:admin";

    public static final List<String> ALL =
            List.of(AGENTS_READ, AGENTS_WRITE, EVENTS_WRITE, KEYS_ADMIN, WORKSPACES_ADMIN);

    private Scopes() {}
}
