-- One scheduled run of a draft agent, statement for statement as a worker makes it (taken from PostgreSQL's
-- statement log of such a run, commit 400e0d1): the admission transaction (lock the agent, mark the occurrence,
-- count its active runs, insert the run), the claim, the agent's row, its recent outputs, the model step with
-- the run's totals, the draft artifact, the end of the run with the agent's bookkeeping, and the look for a
-- buffered run to release. pgbench -M prepared sends each with parameters, like the worker's reactive client.
-- A pgbench transaction is one whole run. Variables: agents (as given to setup.sql); draft (1: a draft run as
-- above; 0: a task run, as the start-lag scenarios run: no recent outputs read, no artifact, 9 statements).
\set a random(1, :agents)
\set n random(1, 9000000000000000000)
BEGIN;
SELECT workspace_id, status, overlap, output_mode, daily_limit FROM agents WHERE id = 'agt_pgbench' || :a FOR UPDATE;
UPDATE schedules SET last_scheduled_for = greatest(coalesce(last_scheduled_for, now()), now())
WHERE id = 'sch_pgbench' || :a
RETURNING enabled, input::text AS input,
          (SELECT id FROM runs WHERE schedule_id = 'sch_pgbench' || :a AND scheduled_for = now()) AS run_id;
SELECT count(*) FILTER (WHERE status_reason IS DISTINCT FROM 'waiting_for_active_run') AS active,
       count(*) FILTER (WHERE status_reason = 'waiting_for_active_run') AS waiting
FROM runs WHERE agent_id = 'agt_pgbench' || :a AND status IN ('queued', 'running', 'cancelling') AND trigger <> 'chat';
INSERT INTO runs (id, agent_id, workspace_id, schedule_id, trigger, scheduled_for, status, status_reason,
                  input, thread_id, event_id, queued_at, completed_at, duration_ms)
VALUES ('run_pgbench' || :n, 'agt_pgbench' || :a, 'wsp_pgbench', 'sch_pgbench' || :a, 'schedule', now(), 'queued',
        NULL, '{}', NULL, NULL, now(), NULL, NULL);
COMMIT;
UPDATE runs SET status = 'running', attempt = attempt + 1, worker_id = 'worker-0',
       lease_expires_at = now() + make_interval(secs => 30), started_at = coalesce(started_at, now())
WHERE id = 'run_pgbench' || :n AND status = 'queued' AND status_reason IS DISTINCT FROM 'waiting_for_active_run'
RETURNING *;
SELECT * FROM agents WHERE id = 'agt_pgbench' || :a;
\if :draft
SELECT id, title, artifact_type, summary, left(content, 300) AS excerpt, created_at FROM artifacts
WHERE agent_id = 'agt_pgbench' || :a ORDER BY created_at DESC, id DESC LIMIT 5;
\endif
WITH r AS (UPDATE runs SET model = coalesce('gpt-4o-mini'::text, model), input_tokens = 175, output_tokens = 35,
                           cost_usd = 0.00004725, num_turns = 1
           WHERE id = 'run_pgbench' || :n AND attempt = 1 AND status IN ('running', 'cancelling') RETURNING id, status),
     s AS (INSERT INTO run_steps (run_id, attempt, seq, kind, model, tool_name, input_tokens, output_tokens, cost_usd,
                                  duration_ms, outcome, error, detail, started_at)
           SELECT r.id, 1, 1, 'model_call', 'gpt-4o-mini', NULL, 175, 35, 0.00004725, 15, 'success', NULL,
                  jsonb_build_object('attempt', 1, 'finish_reason', 'stop', 'streamed', true), now()
           FROM r)
SELECT status FROM r;
\if :draft
INSERT INTO artifacts (id, agent_id, workspace_id, run_id, title, artifact_type, content, summary, tags, metadata,
                       channels, approval_status)
SELECT 'art_pgbench' || :n, 'agt_pgbench' || :a, 'wsp_pgbench', 'run_pgbench' || :n,
       'Stub answer to: Write one short post. Your most recent outputs (do not repeat t…', 'post_draft',
       'Stub answer to: Write one short post. Your most recent outputs (do not repeat them): none yet. Write draft 1 of 1.',
       NULL, '{}'::text[], '{}'::jsonb, '{}'::text[], 'pending_review'
WHERE EXISTS (SELECT 1 FROM runs WHERE id = 'run_pgbench' || :n AND attempt = 1 AND status IN ('running', 'cancelling'));
\endif
WITH r AS (UPDATE runs SET status = CASE WHEN status = 'cancelling' THEN 'cancelled' ELSE 'success' END,
                           status_reason = CASE WHEN status = 'cancelling' THEN status_reason ELSE NULL END,
                           error = CASE WHEN status = 'cancelling' THEN NULL ELSE NULL::jsonb END,
                           output = 'Created 1 draft for review: art_pgbench' || :n,
                           model = coalesce('gpt-4o-mini'::text, model), input_tokens = 175, output_tokens = 35,
                           cost_usd = 0.00004725, num_turns = 1, completed_at = now(), lease_expires_at = NULL,
                           duration_ms = (extract(epoch FROM now() - coalesce(started_at, now())) * 1000)::bigint
           WHERE id = 'run_pgbench' || :n AND attempt = 1 AND status IN ('running', 'cancelling')
           RETURNING agent_id, status, duration_ms),
     a AS (UPDATE agents SET last_run_at = now(), last_run_status = r.status,
                             consecutive_failures = CASE WHEN r.status = 'success' THEN 0
                               WHEN r.status IN ('error', 'timed_out') THEN agents.consecutive_failures + 1
                               ELSE agents.consecutive_failures END,
                             status = CASE WHEN r.status IN ('error', 'timed_out') AND agents.status = 'active'
                               AND agents.pause_after_failures IS NOT NULL
                               AND agents.consecutive_failures + 1 >= agents.pause_after_failures
                               THEN 'error' ELSE agents.status END,
                             status_reason = CASE WHEN r.status IN ('error', 'timed_out') AND agents.status = 'active'
                               AND agents.pause_after_failures IS NOT NULL
                               AND agents.consecutive_failures + 1 >= agents.pause_after_failures
                               THEN 'paused after ' || (agents.consecutive_failures + 1) || ' consecutive failed runs'
                               ELSE agents.status_reason END,
                             updated_at = CASE WHEN r.status IN ('error', 'timed_out') AND agents.status = 'active'
                               AND agents.pause_after_failures IS NOT NULL
                               AND agents.consecutive_failures + 1 >= agents.pause_after_failures
                               THEN now() ELSE agents.updated_at END
           FROM r WHERE agents.id = r.agent_id)
SELECT status, duration_ms FROM r;
UPDATE runs SET status_reason = NULL
WHERE id = (SELECT w.id FROM runs w WHERE w.agent_id = 'agt_pgbench' || :a AND w.status = 'queued'
              AND w.status_reason = 'waiting_for_active_run'
              AND NOT EXISTS (SELECT 1 FROM runs a WHERE a.agent_id = 'agt_pgbench' || :a AND a.trigger <> 'chat'
                              AND a.status IN ('running', 'cancelling'))
            ORDER BY w.queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, trigger;
