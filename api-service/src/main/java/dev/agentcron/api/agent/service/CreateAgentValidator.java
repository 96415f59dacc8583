package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.CreateAgentRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import dev.agentcron.api.schedule.service.ScheduleService;
import dev.agentcron.model.config.ModelCatalog;
import dev.agentcron.model.net.AddressGuard;
import dev.agentcron.model.net.SsrfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks {@link AgentService#create} runs on a new agent, without storing anything. */
@ApplicationScoped
public class CreateAgentValidator implements RequestValidator<CreateAgentRequest> {

    private final ModelCatalog catalog;
    private final AddressGuard addressGuard;
    private final ScheduleService schedules;

    public CreateAgentValidator(ModelCatalog catalog, SsrfSettings ssrf, ScheduleService schedules) {
        this.catalog = catalog;
        this.addressGuard = ssrf.guard();
        this.schedules = schedules;
    }

    @Override
    public Class<CreateAgentRequest> type() {
        return CreateAgentRequest.class;
    }

    @Override
    public List<FieldError> validate(CreateAgentRequest request) {
        AgentEditor editor = new AgentEditor(catalog, addressGuard);
        editor.create(request);
        schedules.plan(request.schedule(), request.timezone(), request.behaviors(), editor.errors());
        return editor.errors();
    }
}
