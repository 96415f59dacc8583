package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.worker.run.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes what the model reads from the agent definition: the system prompt (system_prompt, role, persona,
 * goals, rules, knowledge_domain, base_url) and the user message (prompt and run input). Only the agent's own
 * fields and the run input go in: never configuration, keys or other secrets.
 */
@ApplicationScoped
public class PromptComposer {

    /** The system prompt of any run of the agent. */
    public String system(AgentEntity agent) {
        StringBuilder out = new StringBuilder();
        if (notBlank(agent.systemPrompt)) {
            out.append(agent.systemPrompt.strip());
        } else {
            out.append("You are ").append(agent.name).append(", an autonomous agent.");
        }
        section(out, "Role", agent.role);
        section(out, "Persona", agent.persona);
        section(out, "Goals", agent.goals);
        section(out, "Rules", agent.rules);
        section(out, "Knowledge domain", agent.knowledgeDomain);
        if (notBlank(agent.baseUrl)) {
            section(out, "Reference site", agent.baseUrl);
        }
        return out.toString();
    }

    /** The user message of a task run: the agent's prompt, then the run input when there is any. */
    public String task(AgentEntity agent, JsonNode input) {
        StringBuilder out = new StringBuilder();
        out.append(
                notBlank(agent.prompt) ? agent.prompt.strip() : "Work towards your goals now and report what you did.");
        appendInput(out, input);
        return out.toString();
    }

    /** The system prompt of a draft run: drafts only, one per answer. */
    public String draftSystem(AgentEntity agent) {
        return system(agent)
                + "\n\nYou write drafts that a human reviews before anything is published. Answer with the text"
                + " of exactly one draft: no preamble, no options, no commentary.";
    }

    /** The user message asking for draft {@code number} of {@code total}. */
    public String draft(
            AgentEntity agent,
            JsonNode input,
            List<ArtifactStore.RecentArtifact> recentOutputs,
            List<String> draftsThisRun,
            int number,
            int total) {
        StringBuilder out = new StringBuilder();
        out.append(notBlank(agent.prompt) ? agent.prompt.strip() : "Write a new post in line with your goals.");
        appendInput(out, input);
        if (!recentOutputs.isEmpty()) {
            out.append("\n\nYour most recent outputs (do not repeat them):");
            for (ArtifactStore.RecentArtifact recent : recentOutputs) {
                out.append("\n- ").append(recent.title());
                String gist = notBlank(recent.summary()) ? recent.summary() : recent.excerpt();
                if (notBlank(gist)) {
                    out.append(": ").append(gist.strip().replace('\n', ' '));
                }
            }
        }
        if (!draftsThisRun.isEmpty()) {
            out.append("\n\nDrafts you already wrote in this run (write something different):");
            for (String draft : draftsThisRun) {
                out.append("\n- ").append(draft.strip().replace('\n', ' '));
            }
        }
        out.append("\n\nWrite draft ")
                .append(number)
                .append(" of ")
                .append(total)
                .append('.');
        return out.toString();
    }

    private static void appendInput(StringBuilder out, JsonNode input) {
        if (input != null && !input.isNull() && !(input.isContainerNode() && input.isEmpty())) {
            out.append("\n\nInput for this run (JSON):\n").append(input.toPrettyString());
        }
    }

    private static void section(StringBuilder out, String title, String value) {
        if (notBlank(value)) {
            out.append("\n\n").append(title).append(":\n").append(value.strip());
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
