-- Data for run-pipeline.sql: one workspace and :agents draft agents (outputs_per_run 1), each with a cron schedule,
-- as the benchmark's cluster has them. Run on a database that holds the agentcron schema (V1__schema.sql).
-- psql -v agents=1000 -f setup.sql
INSERT INTO workspaces (id, name) VALUES ('wsp_pgbench', 'pgbench');
INSERT INTO agents (id, workspace_id, name, model_id, prompt, output_mode, outputs_per_run, daily_limit)
SELECT 'agt_pgbench' || i, 'wsp_pgbench', 'pgbench agent ' || i, 'gpt-4o-mini', 'Write one short post.', 'draft', 1,
       1000
FROM generate_series(1, :agents) AS i;
INSERT INTO schedules (id, agent_id, workspace_id, is_primary, kind, spec, timezone)
SELECT 'sch_pgbench' || i, 'agt_pgbench' || i, 'wsp_pgbench', true, 'cron',
       '{"kind": "cron", "cron": "* * * * *", "timezone": "UTC"}', 'UTC'
FROM generate_series(1, :agents) AS i;
ANALYZE;
