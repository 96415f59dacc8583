package dev.agentcron.api.schedule.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.api.agent.mapping.BehaviorSchedule;
import dev.agentcron.api.agent.mapping.BehaviorsInput;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.agent.AgentRepository;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.schedule.ScheduleEntity;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleRegistry;
import dev.agentcron.model.schedule.ScheduleRepository;
import dev.agentcron.model.schedule.ScheduleSpec;
import dev.agentcron.model.schedule.ScheduleTimes;
import dev.agentcron.model.schedule.ScheduleValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Every write to an agent's schedules goes through this class: the inline primary {@code schedule}, seed
 * 004's {@code behaviors.schedules}, the {@code /agents/{id}/schedules} endpoints, and agent status changes
 * or deletion that change what fires. Each write stores the normalized spec and {@code next_fire_at} and
 * returns the {@link ScheduleChanges} to apply to the scheduling engine once the transaction has committed
 * ({@link #committed}).
 */
@ApplicationScoped
public class ScheduleService {

    /** Upcoming occurrences shown per schedule. */
    public static final int NEXT_RUN_TIMES = 5;
    /** Schedules seed 004's {@code behaviors.schedules} may hold. */
    public static final int MAX_BEHAVIOR_SCHEDULES = 100;
    /** Schedules one agent may have. */
    public static final int MAX_SCHEDULES_PER_AGENT = 100;

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);
    private static final Set<String> KIND_FIELDS = Set.of("kind", "cron", "times", "every_minutes", "at");
    /** In a PATCH, a kind field alone switches the schedule to its kind. */
    private static final Map<String, String> KIND_OF_FIELD =
            Map.of("cron", "cron", "times", "daily", "every_minutes", "interval", "at", "once");

    private final ScheduleRepository schedules;
    private final AgentRepository agents;
    private final ScheduleRegistry registry;

    public ScheduleService(ScheduleRepository schedules, AgentRepository agents, ScheduleRegistry registry) {
        this.schedules = schedules;
        this.agents = agents;
        this.registry = registry;
    }

    // ---- parsing (pure) ----

    /**
     * Parses the schedules of an agent create or patch body, adding every problem to {@code errors}.
     *
     * @param primary the body's {@code schedule}: null when absent, a JSON null to remove it
     * @param timezone the body's top-level {@code timezone}, or null
     * @param behaviors seed 004's {@code behaviors}, or null
     */
    public PlannedSchedules plan(JsonNode primary, String timezone, BehaviorsInput behaviors, List<FieldError> errors) {
        if (timezone != null && !validZone(timezone)) {
            errors.add(new FieldError("timezone", "must be an IANA time zone such as Europe/Paris or UTC"));
        }
        ScheduleSpec primarySpec =
                primary == null || primary.isNull() ? null : parse(primary, "schedule", timezone, errors);
        List<ScheduleSpec> extra = new ArrayList<>();
        if (behaviors != null
                && behaviors.schedules() != null
                && behaviors.schedules().size() > MAX_BEHAVIOR_SCHEDULES) {
            errors.add(new FieldError(
                    "behaviors.schedules", "must hold at most " + MAX_BEHAVIOR_SCHEDULES + " schedules"));
        } else if (behaviors != null && behaviors.schedules() != null) {
            for (int i = 0; i < behaviors.schedules().size(); i++) {
                ScheduleSpec spec =
                        behavior(behaviors.schedules().get(i), "behaviors.schedules[" + i + "]", timezone, errors);
                if (spec != null) {
                    extra.add(spec);
                }
            }
        }
        return new PlannedSchedules(primary != null, primarySpec, timezone, extra);
    }

    private ScheduleSpec behavior(BehaviorSchedule entry, String path, String timezone, List<FieldError> errors) {
        if (entry == null) {
            errors.add(new FieldError(path, "must be an object with a cron expression"));
            return null;
        }
        if (entry.cron() == null || entry.cron().isBlank()) {
            errors.add(new FieldError(path + ".cron", "is required"));
            return null;
        }
        if (entry.envelope() != null
                && !entry.envelope().isNull()
                && !entry.envelope().isObject()) {
            errors.add(new FieldError(path + ".envelope", "must be a JSON object"));
            return null;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("kind", "cron");
        object.put("cron", entry.cron());
        if (entry.timezone() != null) {
            object.put("timezone", entry.timezone());
        }
        ObjectNode input = entry.envelope() != null && entry.envelope().isObject()
                ? ((ObjectNode) entry.envelope()).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (entry.workflowType() != null) {
            input.put("workflow_type", entry.workflowType());
        }
        object.set("input", input);
        return parse(object, path, timezone, errors);
    }

    private static boolean validZone(String timezone) {
        try {
            java.time.ZoneId.of(timezone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** Parses one schedule, adding its problems to {@code errors}; null when invalid. */
    public static ScheduleSpec parse(JsonNode value, String path, String timezone, List<FieldError> errors) {
        try {
            return ScheduleParser.parse(value, path, timezone);
        } catch (ScheduleValidationException e) {
            e.errors().forEach(error -> errors.add(new FieldError(error.field(), error.message())));
            return null;
        }
    }

    /** Parses one schedule or fails with every problem. */
    public static ScheduleSpec parseOrFail(JsonNode value, String path, String timezone) {
        List<FieldError> errors = new ArrayList<>();
        ScheduleSpec spec = parse(value, path, timezone, errors);
        InvalidRequestException.throwIfAny(errors);
        return spec;
    }

    /** The stored spec of a schedule. */
    public static ScheduleSpec spec(ScheduleEntity schedule) {
        return ScheduleParser.parse(schedule.spec, "schedule", schedule.timezone);
    }

    // ---- writes that are part of an agent write (inside its transaction) ----

    /** Stores the schedules of a new agent. */
    public Uni<ScheduleChanges> createForNewAgent(AgentEntity agent, PlannedSchedules plan) {
        List<ScheduleEntity> created = new ArrayList<>();
        if (plan.primary() != null) {
            created.add(newSchedule(agent, plan.primary(), true));
        }
        plan.extra().forEach(spec -> created.add(newSchedule(agent, spec, false)));
        if (created.isEmpty()) {
            return Uni.createFrom().item(ScheduleChanges.none(agent.id));
        }
        return schedules.persist(created).replaceWith(ScheduleChanges.upserted(agent, created));
    }

    /**
     * Applies a patch's {@code schedule} (replace keeping the id, or remove) and {@code timezone} (moves the
     * primary schedule to that zone when no schedule is given) to the agent's primary schedule.
     */
    public Uni<ScheduleChanges> applyPrimary(AgentEntity agent, PlannedSchedules plan) {
        if (!plan.primaryGiven() && plan.timezone() == null) {
            return Uni.createFrom().item(ScheduleChanges.none(agent.id));
        }
        return schedules
                .find("agentId = ?1 and primary = true", agent.id)
                .firstResult()
                .chain(existing -> replacePrimary(agent, existing, plan));
    }

    private Uni<ScheduleChanges> replacePrimary(AgentEntity agent, ScheduleEntity existing, PlannedSchedules plan) {
        if (!plan.primaryGiven()) {
            if (existing == null) {
                return Uni.createFrom().item(ScheduleChanges.none(agent.id));
            }
            ObjectNode moved = ((ObjectNode) existing.spec.deepCopy()).put("timezone", plan.timezone());
            apply(existing, parseOrFail(moved, "timezone", null), agent);
            return Uni.createFrom().item(ScheduleChanges.upserted(agent, List.of(existing)));
        }
        if (plan.primary() == null) {
            if (existing == null) {
                return Uni.createFrom().item(ScheduleChanges.none(agent.id));
            }
            return schedules
                    .delete("id", existing.id)
                    .replaceWith(ScheduleChanges.removed(agent.id, List.of(existing.id)));
        }
        if (existing == null) {
            ScheduleEntity created = newSchedule(agent, plan.primary(), true);
            return schedules.persist(created).replaceWith(ScheduleChanges.upserted(agent, List.of(created)));
        }
        apply(existing, plan.primary(), agent);
        return Uni.createFrom().item(ScheduleChanges.upserted(agent, List.of(existing)));
    }

    /** The agent's status changed: its schedules fire again (active) or not; {@code next_fire_at} follows. */
    public Uni<ScheduleChanges> agentStatusChanged(AgentEntity agent) {
        return schedules.listForAgent(agent.id).map(list -> {
            Instant now = now();
            list.forEach(schedule -> {
                schedule.nextFireAt = nextFire(spec(schedule), agent, now);
                schedule.updatedAt = now;
            });
            return ScheduleChanges.upserted(agent, list);
        });
    }

    /** The agent is about to be deleted: every schedule of it stops (rows go with the agent's cascade). */
    public Uni<ScheduleChanges> agentDeleted(AgentEntity agent) {
        return schedules
                .listForAgent(agent.id)
                .map(list -> ScheduleChanges.removed(
                        agent.id, list.stream().map(s -> s.id).toList()));
    }

    /**
     * Called once the transaction that produced {@code changes} has committed: (re-)registers the schedules that
     * fire and removes the others from the scheduling engine's index in Redis. When Redis cannot be reached the
     * write still stands: the worker's reconciliation registers it from PostgreSQL within its interval.
     */
    public Uni<Void> committed(ScheduleChanges changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(changes.upserted())
                .onItem()
                .transformToUniAndConcatenate(this::register)
                .collect()
                .last()
                .chain(() -> Multi.createFrom()
                        .iterable(changes.removed())
                        .onItem()
                        .transformToUniAndConcatenate(removal ->
                                registry.unregister(removal.scheduleId(), removal.agentId(), removal.version()))
                        .collect()
                        .last())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Schedules of agent %s are saved but not registered yet (reconciliation will): %s",
                            changes.agentId(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> register(ScheduleChanges.Upsert upsert) {
        if (!upsert.fires()) {
            return registry.unregister(upsert.scheduleId(), upsert.agentId(), upsert.version());
        }
        return registry.register(upsert.scheduleId(), upsert.agentId(), upsert.version(), upsert.spec(), Instant.now())
                .replaceWithVoid();
    }

    // ---- /agents/{id}/schedules ----

    @WithSession
    public Uni<List<ScheduleDetails>> list(Caller caller, String agentIdOrSlug) {
        return agent(caller, agentIdOrSlug)
                .chain(agent -> schedules.listForAgent(agent.id))
                .map(list -> list.stream().map(this::details).toList());
    }

    @WithSession
    public Uni<ScheduleDetails> get(Caller caller, String agentIdOrSlug, String scheduleId) {
        return agent(caller, agentIdOrSlug)
                .chain(agent -> schedule(agent, scheduleId))
                .map(this::details);
    }

    /** Adds a further (non-primary) schedule to an agent. */
    public Uni<ScheduleDetails> create(Caller caller, String agentIdOrSlug, JsonNode body) {
        return createInTransaction(caller, agentIdOrSlug, body)
                .call(this::announce)
                .map(Written::details);
    }

    @WithTransaction
    Uni<Written> createInTransaction(Caller caller, String agentIdOrSlug, JsonNode body) {
        ScheduleSpec spec = parseOrFail(body, "", null);
        return agent(caller, agentIdOrSlug).call(this::ensureRoom).chain(agent -> {
            ScheduleEntity created = newSchedule(agent, spec, false);
            return schedules
                    .persist(created)
                    .replaceWith(new Written(details(created), ScheduleChanges.upserted(agent, List.of(created))));
        });
    }

    /**
     * Changes a schedule: the fields of {@code body} replace the stored ones (a kind field replaces the kind);
     * a string replaces the whole schedule.
     */
    public Uni<ScheduleDetails> update(Caller caller, String agentIdOrSlug, String scheduleId, JsonNode body) {
        return updateInTransaction(caller, agentIdOrSlug, scheduleId, body)
                .call(this::announce)
                .map(Written::details);
    }

    @WithTransaction
    Uni<Written> updateInTransaction(Caller caller, String agentIdOrSlug, String scheduleId, JsonNode body) {
        return agent(caller, agentIdOrSlug)
                .chain(agent -> schedule(agent, scheduleId).map(schedule -> {
                    apply(schedule, parseOrFail(merged(schedule, body), "", null), agent);
                    return new Written(details(schedule), ScheduleChanges.upserted(agent, List.of(schedule)));
                }));
    }

    /** Deletes a schedule (the primary one too: the agent's {@code schedule} becomes null). */
    public Uni<Void> delete(Caller caller, String agentIdOrSlug, String scheduleId) {
        return deleteInTransaction(caller, agentIdOrSlug, scheduleId)
                .call(this::committed)
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<ScheduleChanges> deleteInTransaction(Caller caller, String agentIdOrSlug, String scheduleId) {
        return agent(caller, agentIdOrSlug)
                .chain(agent -> schedule(agent, scheduleId))
                .chain(schedule -> schedules
                        .delete("id", schedule.id)
                        .replaceWith(ScheduleChanges.removed(schedule.agentId, List.of(schedule.id))));
    }

    // ---- preview ----

    /** The normalized schedule and its next {@code count} occurrences from {@code from}. */
    public Preview preview(JsonNode schedule, String timezone, Instant from, int count) {
        ScheduleSpec spec = parseOrFail(schedule, "schedule", timezone);
        return new Preview(spec.toJson(), ScheduleTimes.next(spec, from, count));
    }

    /** A previewed schedule. */
    public record Preview(ObjectNode schedule, List<Instant> nextRunTimes) {}

    // ---- reads for agent views ----

    /** Schedules of several agents (one query), primary first, with their upcoming occurrences. */
    public Uni<Map<String, List<ScheduleDetails>>> forAgents(List<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return schedules
                .list("agentId in ?1 order by primary desc, createdAt, id", agentIds)
                .map(list -> {
                    Map<String, List<ScheduleDetails>> byAgent = new LinkedHashMap<>();
                    agentIds.forEach(id -> byAgent.put(id, new ArrayList<>()));
                    list.forEach(schedule -> byAgent.get(schedule.agentId).add(details(schedule)));
                    return byAgent;
                });
    }

    /** A schedule with its next occurrences (none while disabled). */
    public ScheduleDetails details(ScheduleEntity schedule) {
        if (!schedule.enabled) {
            return new ScheduleDetails(schedule, List.of());
        }
        return new ScheduleDetails(schedule, ScheduleTimes.next(spec(schedule), now(), NEXT_RUN_TIMES));
    }

    // ---- helpers ----

    private record Written(ScheduleDetails details, ScheduleChanges changes) {}

    private Uni<Void> announce(Written written) {
        return committed(written.changes());
    }

    private Uni<Void> ensureRoom(AgentEntity agent) {
        return schedules
                .count("agentId", agent.id)
                .invoke(count -> {
                    if (count >= MAX_SCHEDULES_PER_AGENT) {
                        throw new ConflictException("An agent has at most " + MAX_SCHEDULES_PER_AGENT + " schedules");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<AgentEntity> agent(Caller caller, String agentIdOrSlug) {
        return agents.findInWorkspace(caller.workspaceId(), agentIdOrSlug)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("agent", agentIdOrSlug));
    }

    private Uni<ScheduleEntity> schedule(AgentEntity agent, String scheduleId) {
        return schedules
                .find("id = ?1 and agentId = ?2", scheduleId, agent.id)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("schedule", scheduleId));
    }

    private static JsonNode merged(ScheduleEntity schedule, JsonNode body) {
        if (body == null || !body.isObject()) {
            return body;
        }
        ObjectNode merged = schedule.spec.deepCopy();
        if (KIND_FIELDS.stream().anyMatch(body::has)) {
            KIND_FIELDS.forEach(merged::remove);
            KIND_OF_FIELD.entrySet().stream()
                    .filter(entry -> body.has(entry.getKey()))
                    .findFirst()
                    .ifPresent(entry -> merged.put("kind", entry.getValue()));
        }
        body.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    private ScheduleEntity newSchedule(AgentEntity agent, ScheduleSpec spec, boolean primary) {
        ScheduleEntity schedule = new ScheduleEntity();
        schedule.id = Ids.next(Ids.SCHEDULE);
        schedule.agentId = agent.id;
        schedule.workspaceId = agent.workspaceId;
        schedule.primary = primary;
        schedule.createdAt = now();
        apply(schedule, spec, agent);
        return schedule;
    }

    private void apply(ScheduleEntity schedule, ScheduleSpec spec, AgentEntity agent) {
        Instant now = now();
        schedule.kind = spec.kind().wireName();
        schedule.spec = spec.toJson();
        schedule.timezone = spec.timezone().getId();
        schedule.jitterSeconds = spec.jitterSeconds();
        schedule.catchupWindowSeconds = spec.catchupWindowSeconds();
        schedule.startAt = spec.startAt();
        schedule.endAt = spec.endAt();
        schedule.input = spec.input();
        schedule.enabled = spec.enabled();
        schedule.nextFireAt = nextFire(spec, agent, now);
        schedule.updatedAt = now;
    }

    /** The next occurrence the engine should fire: none while the agent is not active or the schedule is off. */
    private static Instant nextFire(ScheduleSpec spec, AgentEntity agent, Instant now) {
        if (!agent.isActive() || !spec.enabled()) {
            return null;
        }
        return ScheduleTimes.next(spec, now);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
