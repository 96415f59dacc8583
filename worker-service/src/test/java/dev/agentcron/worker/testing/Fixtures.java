package dev.agentcron.worker.testing;

import dev.agentcron.model.id.Ids;
import dev.agentcron.testsupport.TestInfra;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows for runtime tests, written and read over JDBC: each test makes its own workspace, agent and runs, so
 * tests never see each other's data.
 */
public final class Fixtures {

    private Fixtures() {}

    /** What an agent row holds; defaults are a task agent on {@code model}. */
    public static final class AgentSpec {
        public String name = "agent " + Ids.next("");
        public String outputMode = "task";
        public String role;
        public String persona;
        public String systemPrompt = "You are a test agent.";
        public String prompt = "Do the thing.";
        public String goals;
        public String rules;
        public String baseUrl;
        public String knowledgeDomain;
        public List<String> channels = List.of();
        public String modelId;
        public List<String> fallbacks = List.of();
        public Integer maxOutputTokens;
        public List<String> tools = List.of();
        public int outputsPerRun = 1;
        public Integer dailyLimit;
        public int maxTurns = 10;
        public BigDecimal maxBudgetUsd;
        public int runTimeoutSeconds = 60;
        public Integer pauseAfterFailures;
    }

    /** A new workspace; returns its id. */
    public static String workspace() {
        String id = Ids.next(Ids.WORKSPACE);
        update("INSERT INTO workspaces (id, name) VALUES (?, ?)", id, "ws " + id);
        return id;
    }

    /** A new agent on {@code model} in a new workspace; returns its id. */
    public static String agent(String model, Consumer<AgentSpec> customize) {
        AgentSpec spec = new AgentSpec();
        spec.modelId = model;
        customize.accept(spec);
        String id = Ids.next(Ids.AGENT);
        String workspace = workspace();
        try (Connection c = TestInfra.get().connect();
                PreparedStatement st =
                        c.prepareStatement("INSERT INTO agents (id, workspace_id, name, output_mode, role,"
                                + " persona, system_prompt, prompt, goals, rules, base_url, knowledge_domain, channels, model_id,"
                                + " model_fallbacks, max_output_tokens, tools, outputs_per_run, daily_limit, max_turns,"
                                + " max_budget_usd, run_timeout_seconds, pause_after_failures)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, workspace);
            st.setString(3, spec.name);
            st.setString(4, spec.outputMode);
            st.setString(5, spec.role);
            st.setString(6, spec.persona);
            st.setString(7, spec.systemPrompt);
            st.setString(8, spec.prompt);
            st.setString(9, spec.goals);
            st.setString(10, spec.rules);
            st.setString(11, spec.baseUrl);
            st.setString(12, spec.knowledgeDomain);
            st.setArray(13, c.createArrayOf("text", spec.channels.toArray()));
            st.setString(14, spec.modelId);
            st.setArray(15, c.createArrayOf("text", spec.fallbacks.toArray()));
            st.setObject(16, spec.maxOutputTokens);
            st.setArray(17, c.createArrayOf("text", spec.tools.toArray()));
            st.setInt(18, spec.outputsPerRun);
            st.setObject(19, spec.dailyLimit);
            st.setInt(20, spec.maxTurns);
            st.setBigDecimal(21, spec.maxBudgetUsd);
            st.setInt(22, spec.runTimeoutSeconds);
            st.setObject(23, spec.pauseAfterFailures);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** A manual run of the agent, claimed as a worker would (running, attempt 1); returns its id. */
    public static String claimedRun(String agentId) {
        return claimedRun(agentId, "{}");
    }

    /** A claimed manual run with the given input JSON. */
    public static String claimedRun(String agentId, String inputJson) {
        String id = Ids.next(Ids.RUN);
        update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, input, attempt, worker_id,"
                        + " lease_expires_at, started_at)"
                        + " SELECT ?, id, workspace_id, 'manual', 'running', ?::jsonb, 1, 'test-worker',"
                        + " now() + interval '1 minute', now() FROM agents WHERE id = ?",
                id,
                inputJson,
                agentId);
        return id;
    }

    /** The run row. */
    public static Map<String, Object> run(String runId) {
        return one("SELECT * FROM runs WHERE id = ?", runId);
    }

    /** The agent row. */
    public static Map<String, Object> agentRow(String agentId) {
        return one("SELECT * FROM agents WHERE id = ?", agentId);
    }

    /** The run's steps in order. */
    public static List<Map<String, Object>> steps(String runId) {
        return rows("SELECT * FROM run_steps WHERE run_id = ? ORDER BY attempt, seq", runId);
    }

    /** The agent's artifacts, oldest first. */
    public static List<Map<String, Object>> artifacts(String agentId) {
        return rows("SELECT * FROM artifacts WHERE agent_id = ? ORDER BY created_at, id", agentId);
    }

    /** The agent's memories. */
    public static List<Map<String, Object>> memories(String agentId) {
        return rows("SELECT * FROM memories WHERE agent_id = ? ORDER BY created_at", agentId);
    }

    /** Runs an update; returns the rows changed. */
    public static int update(String sql, Object... params) {
        try (Connection c = TestInfra.get().connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> one(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = TestInfra.get().connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof Array array) {
                            value = List.of((Object[]) array.getArray());
                        } else if (value instanceof org.postgresql.util.PGobject pg) {
                            value = pg.getValue();
                        }
                        row.put(meta.getColumnName(i), value);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }
}
