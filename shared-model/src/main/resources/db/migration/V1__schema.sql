-- agentcron schema, version 1: the whole public contract (API.md).
-- Ids are opaque prefixed strings (agt_, sch_, run_, ...) made by the services, never by clients.
-- Deleting a workspace or an agent removes everything under it (hard delete, API.md "DELETE /agents/{id}").

CREATE TABLE workspaces (
    id          text PRIMARY KEY,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX workspaces_name_uq ON workspaces (lower(name));

CREATE TABLE api_keys (
    id            text PRIMARY KEY,
    workspace_id  text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    -- first characters of the secret, shown in listings so a user can tell keys apart
    prefix        text NOT NULL,
    -- hex SHA-256 of the whole secret; the secret itself is never stored
    key_hash      text NOT NULL,
    scopes        text[] NOT NULL,
    created_by    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE UNIQUE INDEX api_keys_hash_uq ON api_keys (key_hash);
CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id, created_at);

CREATE TABLE agents (
    id                    text PRIMARY KEY,
    workspace_id          text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    slug                  text,
    name                  text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description           text,
    output_mode           text NOT NULL DEFAULT 'task' CHECK (output_mode IN ('task', 'draft')),
    role                  text,
    persona               text,
    system_prompt         text,
    prompt                text,
    goals                 text,
    rules                 text,
    base_url              text,
    knowledge_domain      text,
    channels              text[] NOT NULL DEFAULT '{}',
    model_id              text NOT NULL,
    model_fallbacks       text[] NOT NULL DEFAULT '{}',
    temperature           double precision,
    max_output_tokens     integer,
    tools                 text[] NOT NULL DEFAULT '{}',
    overlap               text NOT NULL DEFAULT 'skip' CHECK (overlap IN ('skip', 'buffer_one', 'allow')),
    outputs_per_run       integer NOT NULL DEFAULT 1 CHECK (outputs_per_run BETWEEN 1 AND 10),
    daily_limit           integer CHECK (daily_limit BETWEEN 1 AND 1000),
    max_turns             integer NOT NULL DEFAULT 50 CHECK (max_turns BETWEEN 1 AND 200),
    max_budget_usd        numeric(20, 10) CHECK (max_budget_usd > 0),
    run_timeout_seconds   integer NOT NULL DEFAULT 600 CHECK (run_timeout_seconds BETWEEN 10 AND 3600),
    pause_after_failures  integer CHECK (pause_after_failures BETWEEN 1 AND 100),
    status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'inactive', 'error')),
    status_reason         text,
    -- consecutive failed runs, for pause_after_failures
    consecutive_failures  integer NOT NULL DEFAULT 0,
    last_run_at           timestamptz,
    last_run_status       text,
    creator_key_id        text,
    creator_name          text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agents_name_uq ON agents (workspace_id, lower(name));
CREATE UNIQUE INDEX agents_slug_uq ON agents (workspace_id, slug) WHERE slug IS NOT NULL;
CREATE INDEX agents_status_idx ON agents (workspace_id, status);
CREATE INDEX agents_output_mode_idx ON agents (workspace_id, output_mode);
CREATE INDEX agents_domain_idx ON agents (workspace_id, knowledge_domain) WHERE knowledge_domain IS NOT NULL;
CREATE INDEX agents_created_idx ON agents (workspace_id, created_at);
CREATE INDEX agents_updated_idx ON agents (workspace_id, updated_at);

CREATE TABLE schedules (
    id                      text PRIMARY KEY,
    agent_id                text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id            text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- the agent's inline `schedule`; at most one per agent
    is_primary              boolean NOT NULL DEFAULT false,
    kind                    text NOT NULL CHECK (kind IN ('cron', 'daily', 'interval', 'once', 'manual')),
    -- the normalized schedule object as the API returns it (without runtime fields)
    spec                    jsonb NOT NULL,
    timezone                text NOT NULL DEFAULT 'UTC',
    jitter_seconds          integer NOT NULL DEFAULT 0 CHECK (jitter_seconds BETWEEN 0 AND 3600),
    catchup_window_seconds  integer NOT NULL DEFAULT 300 CHECK (catchup_window_seconds >= 0),
    start_at                timestamptz,
    end_at                  timestamptz,
    input                   jsonb NOT NULL DEFAULT '{}',
    enabled                 boolean NOT NULL DEFAULT true,
    -- next occurrence (before jitter) as last registered; null when it never fires again
    next_fire_at            timestamptz,
    -- the last occurrence that produced a run (or was deliberately dropped), for catch-up
    last_scheduled_for      timestamptz,
    missed_count            bigint NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX schedules_primary_uq ON schedules (agent_id) WHERE is_primary;
CREATE INDEX schedules_agent_idx ON schedules (agent_id, created_at);
CREATE INDEX schedules_due_idx ON schedules (next_fire_at) WHERE enabled AND next_fire_at IS NOT NULL;

CREATE TABLE threads (
    id                text PRIMARY KEY,
    agent_id          text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id      text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    title             text NOT NULL DEFAULT 'New Conversation',
    message_count     integer NOT NULL DEFAULT 0,
    total_tokens      bigint NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    last_activity_at  timestamptz NOT NULL DEFAULT now(),
    archived_at       timestamptz
);
CREATE INDEX threads_agent_idx ON threads (agent_id, updated_at DESC);
CREATE INDEX threads_idle_idx ON threads (last_activity_at) WHERE archived_at IS NULL;

CREATE TABLE runs (
    id                text PRIMARY KEY,
    agent_id          text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id      text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    schedule_id       text REFERENCES schedules (id) ON DELETE SET NULL,
    trigger           text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'event', 'chat')),
    scheduled_for     timestamptz,
    status            text NOT NULL CHECK (status IN ('queued', 'running', 'cancelling', 'success', 'error',
                                                      'budget_exceeded', 'cancelled', 'timed_out', 'skipped')),
    status_reason     text,
    input             jsonb NOT NULL DEFAULT '{}',
    output            text,
    thread_id         text REFERENCES threads (id) ON DELETE SET NULL,
    event_id          text,
    model             text,
    input_tokens      bigint NOT NULL DEFAULT 0,
    output_tokens     bigint NOT NULL DEFAULT 0,
    cost_usd          numeric(20, 10) NOT NULL DEFAULT 0,
    num_turns         integer NOT NULL DEFAULT 0,
    -- lease and fencing: the claim that holds the run, renewed while it works
    attempt           integer NOT NULL DEFAULT 0,
    worker_id         text,
    lease_expires_at  timestamptz,
    queued_at         timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    completed_at      timestamptz,
    duration_ms       bigint,
    error             jsonb
);
-- at most one run per (schedule, occurrence), whatever happens to Redis or to workers
CREATE UNIQUE INDEX runs_occurrence_uq ON runs (schedule_id, scheduled_for) WHERE scheduled_for IS NOT NULL;
-- history (GET /agents/{id}/runs) and per-agent stats: covering, so stats never touch the heap
CREATE INDEX runs_agent_history_idx ON runs (agent_id, queued_at DESC)
    INCLUDE (status, trigger, cost_usd, duration_ms, input_tokens, output_tokens);
-- global stats per workspace
CREATE INDEX runs_workspace_history_idx ON runs (workspace_id, queued_at DESC)
    INCLUDE (agent_id, status, cost_usd, duration_ms, input_tokens, output_tokens);
-- overlap checks, cancel, "running now"
CREATE INDEX runs_active_idx ON runs (agent_id, queued_at) WHERE status IN ('queued', 'running', 'cancelling');
-- reconciler: queued runs nobody picked up; recoverer: expired leases
CREATE INDEX runs_queued_idx ON runs (queued_at) WHERE status = 'queued';
CREATE INDEX runs_lease_idx ON runs (lease_expires_at) WHERE status IN ('running', 'cancelling');
-- one chat run per thread at a time
CREATE UNIQUE INDEX runs_thread_active_uq ON runs (thread_id) WHERE thread_id IS NOT NULL
    AND status IN ('queued', 'running', 'cancelling');
CREATE INDEX runs_event_idx ON runs (event_id) WHERE event_id IS NOT NULL;
-- retention
CREATE INDEX runs_completed_idx ON runs (completed_at) WHERE completed_at IS NOT NULL;

CREATE TABLE run_steps (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    -- the run attempt that wrote the step (fencing)
    attempt        integer NOT NULL,
    seq            integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('model_call', 'tool_call')),
    model          text,
    tool_name      text,
    input_tokens   bigint NOT NULL DEFAULT 0,
    output_tokens  bigint NOT NULL DEFAULT 0,
    cost_usd       numeric(20, 10) NOT NULL DEFAULT 0,
    duration_ms    bigint NOT NULL DEFAULT 0,
    outcome        text NOT NULL,
    error          jsonb,
    detail         jsonb,
    started_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX run_steps_seq_uq ON run_steps (run_id, attempt, seq);

CREATE TABLE artifacts (
    id               text PRIMARY KEY,
    agent_id         text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id     text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    run_id           text REFERENCES runs (id) ON DELETE SET NULL,
    thread_id        text REFERENCES threads (id) ON DELETE SET NULL,
    title            text NOT NULL,
    artifact_type    text NOT NULL DEFAULT 'html_report',
    content          text NOT NULL,
    summary          text,
    tags             text[] NOT NULL DEFAULT '{}',
    metadata         jsonb NOT NULL DEFAULT '{}',
    channels         text[] NOT NULL DEFAULT '{}',
    approval_status  text NOT NULL DEFAULT 'not_required'
        CHECK (approval_status IN ('not_required', 'pending_review', 'approved', 'rejected')),
    reviewed_by      text,
    reviewed_at      timestamptz,
    review_note      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX artifacts_agent_idx ON artifacts (agent_id, created_at DESC);
CREATE INDEX artifacts_type_idx ON artifacts (agent_id, artifact_type, created_at DESC);
CREATE INDEX artifacts_approval_idx ON artifacts (agent_id, approval_status, created_at DESC);
CREATE INDEX artifacts_tags_idx ON artifacts USING gin (tags);
CREATE INDEX artifacts_run_idx ON artifacts (run_id) WHERE run_id IS NOT NULL;

CREATE TABLE messages (
    id            text PRIMARY KEY,
    thread_id     text NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    run_id        text REFERENCES runs (id) ON DELETE SET NULL,
    role          text NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content       text,
    tool_calls    jsonb,
    tool_call_id  text,
    tokens        integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_thread_idx ON messages (thread_id, created_at, id);

CREATE TABLE memories (
    id            text PRIMARY KEY,
    agent_id      text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id  text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    content       text NOT NULL,
    source        text NOT NULL DEFAULT 'tool',
    search        tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX memories_agent_idx ON memories (agent_id, created_at DESC);
CREATE INDEX memories_search_idx ON memories USING gin (search);

CREATE TABLE subscriptions (
    id             text PRIMARY KEY,
    agent_id       text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    workspace_id   text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    topic          text NOT NULL,
    filter         jsonb NOT NULL DEFAULT '{}',
    input_mapping  jsonb,
    enabled        boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_agent_idx ON subscriptions (agent_id, created_at);
CREATE INDEX subscriptions_workspace_idx ON subscriptions (workspace_id);

CREATE TABLE events (
    id            text PRIMARY KEY,
    workspace_id  text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- the client's own event id, for 24 h deduplication
    client_id     text,
    topic         text NOT NULL,
    data          jsonb NOT NULL DEFAULT '{}',
    -- the first answer, returned again for a repeated client id
    response      jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX events_client_id_uq ON events (workspace_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX events_created_idx ON events (created_at);
