package dev.agentcron.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import org.junit.jupiter.api.Test;

class PromptComposerTest {

    private final PromptComposer prompts = new PromptComposer();

    @Test
    void theSystemPromptCarriesEveryDefiningFieldOfTheAgent() {
        AgentEntity agent = new AgentEntity();
        agent.name = "Price Watch";
        agent.systemPrompt = "You watch prices.";
        agent.role = "Analyst";
        agent.persona = "Terse";
        agent.goals = "Spot price drops";
        agent.rules = "Never buy anything";
        agent.knowledgeDomain = "retail";
        agent.baseUrl = "https://shop.example/prices";

        String system = prompts.system(agent);

        assertThat(system)
                .startsWith("You watch prices.")
                .contains("Role:\nAnalyst")
                .contains("Persona:\nTerse")
                .contains("Goals:\nSpot price drops")
                .contains("Rules:\nNever buy anything")
                .contains("Knowledge domain:\nretail")
                .contains("Reference site:\nhttps://shop.example/prices");
    }

    @Test
    void anAgentWithoutSystemPromptIsIntroducedByName() throws Exception {
        AgentEntity agent = new AgentEntity();
        agent.name = "Digest";
        agent.goals = "Summarize open tasks";

        assertThat(prompts.system(agent)).startsWith("You are Digest, an autonomous agent.");
        assertThat(prompts.task(agent, new ObjectMapper().readTree("{}")))
                .isEqualTo("Work towards your goals now and report what you did.");
        assertThat(prompts.task(agent, new ObjectMapper().readTree("{\"day\": \"monday\"}")))
                .contains("Input for this run (JSON):")
                .contains("\"day\" : \"monday\"");
    }
}
