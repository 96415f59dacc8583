package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.CreateAgentRequest;
import dev.agentcron.api.agent.mapping.LimitsInput;
import dev.agentcron.api.agent.mapping.LimitsPatch;
import dev.agentcron.api.agent.mapping.ModelInput;
import dev.agentcron.api.agent.mapping.ModelPatch;
import dev.agentcron.api.agent.mapping.UpdateAgentRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.config.ModelCatalog;
import dev.agentcron.model.net.AddressGuard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applies a create or patch request onto an {@link AgentEntity} and checks the result, collecting every
 * invalid field (with its JSON path) instead of stopping at the first. Pure: no I/O.
 */
final class AgentEditor {

    static final Set<String> OUTPUT_MODES = Set.of("task", "draft");
    static final Set<String> OVERLAPS = Set.of("skip", "buffer_one", "allow");
    static final Set<String> STATUSES = Set.of("active", "paused", "inactive", "error");
    static final List<String> TOOLS = List.of("http_get", "remember", "recall", "save_artifact", "list_recent_outputs");
    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final int DRAFT_DAILY_LIMIT = 50;
    static final int MAX_FALLBACKS = 10;
    static final int MAX_CHANNELS = 100;
    static final int DEFAULT_OUTPUTS_PER_RUN = 1;
    static final int DEFAULT_MAX_TURNS = 50;
    static final int DEFAULT_RUN_TIMEOUT_SECONDS = 600;

    private final ModelCatalog catalog;
    private final AddressGuard addressGuard;
    private final List<FieldError> errors = new ArrayList<>();

    AgentEditor(ModelCatalog catalog, AddressGuard addressGuard) {
        this.catalog = catalog;
        this.addressGuard = addressGuard;
    }

    List<FieldError> errors() {
        return errors;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A new agent from a create request, every default applied. */
    AgentEntity create(CreateAgentRequest request) {
        AgentEntity agent = new AgentEntity();
        agent.slug = slug(request.slug());
        agent.name = name(request.name());
        agent.description = text(request.description());
        agent.outputMode =
                request.outputMode() == null ? "task" : oneOf("output_mode", request.outputMode(), OUTPUT_MODES);
        agent.role = text(request.role());
        agent.persona = text(request.persona());
        agent.systemPrompt = text(request.systemPrompt());
        agent.prompt = text(request.prompt());
        agent.goals = text(request.goals());
        agent.rules = text(request.rules());
        agent.baseUrl = baseUrl(request.baseUrl());
        agent.knowledgeDomain = text(request.knowledgeDomain());
        agent.channels = strings("channels", request.channels());
        applyModel(agent, request.model());
        agent.tools = tools(request.tools());
        agent.overlap = request.overlap() == null ? "skip" : oneOf("overlap", request.overlap(), OVERLAPS);
        agent.status = status(request.status(), request.enabled(), "active");
        applyLimits(agent, request.limits());
        check(agent);
        return agent;
    }

    /** Applies the fields present in a patch; returns whether the status changed. */
    boolean patch(AgentEntity agent, UpdateAgentRequest patch) {
        String oldMode = agent.outputMode;
        String oldStatus = agent.status;
        set(patch.slug(), value -> agent.slug = slug(value));
        if (patch.name() != null) {
            agent.name = name(patch.name().orElse(null));
        }
        set(patch.description(), value -> agent.description = text(value));
        if (patch.outputMode() != null) {
            agent.outputMode = oneOf("output_mode", patch.outputMode().orElse(null), OUTPUT_MODES);
        }
        set(patch.role(), value -> agent.role = text(value));
        set(patch.persona(), value -> agent.persona = text(value));
        set(patch.systemPrompt(), value -> agent.systemPrompt = text(value));
        set(patch.prompt(), value -> agent.prompt = text(value));
        set(patch.goals(), value -> agent.goals = text(value));
        set(patch.rules(), value -> agent.rules = text(value));
        set(patch.baseUrl(), value -> agent.baseUrl = baseUrl(value));
        set(patch.knowledgeDomain(), value -> agent.knowledgeDomain = text(value));
        set(patch.channels(), value -> agent.channels = strings("channels", value));
        if (patch.model() != null) {
            patchModel(agent, patch.model().orElse(null));
        }
        set(patch.tools(), value -> agent.tools = tools(value));
        if (patch.overlap() != null) {
            agent.overlap = oneOf("overlap", patch.overlap().orElse(null), OVERLAPS);
        }
        if (patch.status() != null || patch.enabled() != null) {
            agent.status = status(
                    patch.status() == null ? null : patch.status().orElse(null),
                    patch.enabled() == null ? null : patch.enabled().orElse(null),
                    agent.status);
        }
        boolean dailyLimitGiven = patch.limits() != null
                && (patch.limits().isEmpty() || patch.limits().get().dailyLimit() != null);
        if (patch.limits() != null) {
            patchLimits(agent, patch.limits().orElse(null));
        }
        if (!dailyLimitGiven
                && !agent.outputMode.equals(oldMode)
                && java.util.Objects.equals(agent.dailyLimit, defaultDailyLimit(oldMode))) {
            agent.dailyLimit = defaultDailyLimit(agent.outputMode);
        }
        check(agent);
        return !agent.status.equals(oldStatus);
    }

    /** Checks the whole agent as it would be saved: ranges and rules across fields. */
    private void check(AgentEntity agent) {
        if (agent.name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            error("name", "is required");
        }
        if (blank(agent.prompt) && blank(agent.systemPrompt) && blank(agent.goals)) {
            error("prompt", "at least one of prompt, system_prompt and goals is required");
        }
        if (agent.temperature != null && (agent.temperature < 0 || agent.temperature > 2)) {
            error("model.temperature", "must be between 0 and 2");
        }
        range("model.max_output_tokens", agent.maxOutputTokens, 1, 128_000);
        range("limits.outputs_per_run", agent.outputsPerRun, 1, 10);
        range("limits.daily_limit", agent.dailyLimit, 1, 1000);
        range("limits.max_turns", agent.maxTurns, 1, 200);
        range("limits.run_timeout_seconds", agent.runTimeoutSeconds, 10, 3600);
        range("limits.pause_after_failures", agent.pauseAfterFailures, 1, 100);
        if (agent.maxBudgetUsd != null) {
            if (agent.maxBudgetUsd.signum() <= 0) {
                error("limits.max_budget_usd", "must be greater than 0");
            } else {
                checkPriced(agent);
            }
        }
    }

    private void checkPriced(AgentEntity agent) {
        List<String> models = new ArrayList<>();
        models.add(agent.modelId);
        models.addAll(agent.modelFallbacks);
        for (String model : models) {
            if (model != null && catalog.price(model).isEmpty()) {
                error(
                        "limits.max_budget_usd",
                        "needs a configured price for model '" + model
                                + "'; the server has none, so it cannot enforce a budget");
            }
        }
    }

    private void applyModel(AgentEntity agent, ModelInput model) {
        agent.modelId = catalog.defaultModel();
        if (model == null) {
            return;
        }
        if (model.id() != null) {
            agent.modelId = modelId("model.id", model.id());
        }
        agent.modelFallbacks = modelIds("model.fallbacks", model.fallbacks());
        agent.temperature = model.temperature();
        agent.maxOutputTokens = model.maxOutputTokens();
    }

    private void patchModel(AgentEntity agent, ModelPatch model) {
        if (model == null) {
            agent.modelId = catalog.defaultModel();
            agent.modelFallbacks = new ArrayList<>();
            agent.temperature = null;
            agent.maxOutputTokens = null;
            return;
        }
        if (model.id() != null) {
            agent.modelId = model.id().isEmpty()
                    ? catalog.defaultModel()
                    : modelId("model.id", model.id().get());
        }
        if (model.fallbacks() != null) {
            agent.modelFallbacks = modelIds("model.fallbacks", model.fallbacks().orElse(null));
        }
        if (model.temperature() != null) {
            agent.temperature = model.temperature().orElse(null);
        }
        if (model.maxOutputTokens() != null) {
            agent.maxOutputTokens = model.maxOutputTokens().orElse(null);
        }
    }

    private void applyLimits(AgentEntity agent, LimitsInput limits) {
        agent.outputsPerRun = DEFAULT_OUTPUTS_PER_RUN;
        agent.dailyLimit = defaultDailyLimit(agent.outputMode);
        agent.maxTurns = DEFAULT_MAX_TURNS;
        agent.runTimeoutSeconds = DEFAULT_RUN_TIMEOUT_SECONDS;
        if (limits == null) {
            return;
        }
        if (limits.outputsPerRun() != null) {
            agent.outputsPerRun = limits.outputsPerRun();
        }
        if (limits.dailyLimit() != null) {
            agent.dailyLimit = limits.dailyLimit();
        }
        if (limits.maxTurns() != null) {
            agent.maxTurns = limits.maxTurns();
        }
        agent.maxBudgetUsd = limits.maxBudgetUsd();
        if (limits.runTimeoutSeconds() != null) {
            agent.runTimeoutSeconds = limits.runTimeoutSeconds();
        }
        agent.pauseAfterFailures = limits.pauseAfterFailures();
    }

    private void patchLimits(AgentEntity agent, LimitsPatch limits) {
        if (limits == null) {
            applyLimits(agent, null);
            agent.maxBudgetUsd = null;
            agent.pauseAfterFailures = null;
            return;
        }
        if (limits.outputsPerRun() != null) {
            agent.outputsPerRun = limits.outputsPerRun().orElse(DEFAULT_OUTPUTS_PER_RUN);
        }
        if (limits.dailyLimit() != null) {
            agent.dailyLimit = limits.dailyLimit().orElse(defaultDailyLimit(agent.outputMode));
        }
        if (limits.maxTurns() != null) {
            agent.maxTurns = limits.maxTurns().orElse(DEFAULT_MAX_TURNS);
        }
        if (limits.maxBudgetUsd() != null) {
            agent.maxBudgetUsd = limits.maxBudgetUsd().orElse(null);
        }
        if (limits.runTimeoutSeconds() != null) {
            agent.runTimeoutSeconds = limits.runTimeoutSeconds().orElse(DEFAULT_RUN_TIMEOUT_SECONDS);
        }
        if (limits.pauseAfterFailures() != null) {
            agent.pauseAfterFailures = limits.pauseAfterFailures().orElse(null);
        }
    }

    static Integer defaultDailyLimit(String outputMode) {
        return "draft".equals(outputMode) ? DRAFT_DAILY_LIMIT : null;
    }

    private String status(String status, Boolean enabled, String current) {
        String fromStatus = status == null ? null : oneOf("status", status, STATUSES);
        String fromEnabled = enabled == null ? null : (enabled ? "active" : "paused");
        if (fromStatus != null && fromEnabled != null && !fromStatus.equals(fromEnabled)) {
            error("enabled", "contradicts status '" + fromStatus + "'");
        }
        if (fromStatus != null) {
            return fromStatus;
        }
        return fromEnabled != null ? fromEnabled : current;
    }

    private String slug(String slug) {
        if (slug == null) {
            return null;
        }
        if (slug.length() > 64 || !SLUG.matcher(slug).matches()) {
            error("slug", "must be kebab-case (lowercase letters, digits and single dashes), at most 64 characters");
        }
        return slug;
    }

    private String name(String name) {
        if (name == null || name.isBlank()) {
            error("name", "is required");
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > 100) {
            error("name", "must be at most 100 characters");
        }
        return stripped;
    }

    private String baseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String stripped = url.strip();
        addressGuard.checkUrl(stripped).ifPresent(problem -> error("base_url", problem));
        return stripped;
    }

    private List<String> tools(List<String> tools) {
        if (tools == null) {
            return new ArrayList<>();
        }
        if (tools.size() > TOOLS.size()) {
            error("tools", "must hold at most " + TOOLS.size() + " tools");
        }
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String tool = tools.get(i);
            if (!TOOLS.contains(tool)) {
                error("tools[" + i + "]", "must be one of " + String.join(", ", TOOLS));
            } else {
                valid.add(tool);
            }
        }
        return new ArrayList<>(valid);
    }

    private String modelId(String field, String id) {
        if (id == null || id.isBlank()) {
            error(field, "must not be blank");
            return catalog.defaultModel();
        }
        if (id.length() > 200) {
            error(field, "must be at most 200 characters");
        }
        return id.strip();
    }

    private List<String> modelIds(String field, List<String> ids) {
        List<String> result = new ArrayList<>();
        if (ids == null) {
            return result;
        }
        if (ids.size() > MAX_FALLBACKS) {
            error(field, "must hold at most " + MAX_FALLBACKS + " models");
            return result;
        }
        for (int i = 0; i < ids.size(); i++) {
            result.add(modelId(field + "[" + i + "]", ids.get(i)));
        }
        return result;
    }

    private List<String> strings(String field, List<String> values) {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        if (values.size() > MAX_CHANNELS) {
            error(field, "must hold at most " + MAX_CHANNELS + " entries");
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                error(field + "[" + i + "]", "must not be blank");
            } else {
                result.add(value.strip());
            }
        }
        return result;
    }

    private String oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            error(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            error(field, "must be between " + min + " and " + max);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> void set(Optional<T> field, Consumer<T> setter) {
        if (field != null) {
            setter.accept(field.orElse(null));
        }
    }
}
