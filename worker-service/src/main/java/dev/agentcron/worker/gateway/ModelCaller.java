package dev.agentcron.worker.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model call through the agent's fallback chain, as {@link ResiliencePolicy} directs: attempts, retries,
 * waits, fallbacks and open circuits, each reported to the run's {@link CallHooks}. Fails with {@link
 * GatewayUnavailableException} when every model failed, with {@link CallHooks#stopFailure()} when the run
 * stopped, or with whatever {@link CallHooks#beforeAttempt} failed with.
 */
@ApplicationScoped
public class ModelCaller {

    private final GatewayClient client;
    private final ResiliencePolicy policy;
    private final Vertx vertx;

    public ModelCaller(GatewayClient client, ResiliencePolicy policy, Vertx vertx) {
        this.client = client;
        this.policy = policy;
        this.vertx = vertx;
    }

    /** Asks {@code models} in order (the agent's model, then its fallbacks) until one answers. */
    public Uni<Completion> call(List<String> models, ChatRequest request, CallHooks hooks) {
        return new Call(models, request, hooks).model(0, 1);
    }

    /** One model call: its position in the chain and what each model did. */
    private final class Call {
        private final List<String> models;
        private final ChatRequest request;
        private final CallHooks hooks;
        private final Map<String, String> failures = new LinkedHashMap<>();
        private boolean onlyRejections = true;

        Call(List<String> models, ChatRequest request, CallHooks hooks) {
            this.models = models;
            this.request = request;
            this.hooks = hooks;
        }

        Uni<Completion> model(int index, int attemptNumber) {
            Throwable stop = hooks.stopFailure();
            if (stop != null) {
                return Uni.createFrom().failure(stop);
            }
            if (index >= models.size()) {
                return Uni.createFrom().failure(exhausted());
            }
            String model = models.get(index);
            if (!policy.tryAcquire(model)) {
                return skipOpenCircuit(index, attemptNumber, model);
            }
            return hooks.beforeAttempt(model, request)
                    .onFailure()
                    .invoke(() -> policy.onAbandoned(model))
                    .chain(() -> attempt(model, attemptNumber))
                    .chain(attempt -> afterAttempt(index, attempt));
        }

        private Uni<Completion> skipOpenCircuit(int index, int attemptNumber, String model) {
            if (attemptNumber > 1) {
                failures.putIfAbsent(model, "circuit opened while retrying");
                onlyRejections = false;
                return model(index + 1, 1);
            }
            failures.put(model, "circuit open");
            onlyRejections = false;
            Attempt skipped = new Attempt(
                    model,
                    attemptNumber,
                    Instant.now(),
                    0,
                    Attempt.Outcome.CIRCUIT_OPEN,
                    null,
                    Usage.NONE,
                    false,
                    GatewayCallException.of(GatewayCallException.Kind.CONNECT, "circuit open: not called"));
            return hooks.afterAttempt(skipped).chain(() -> model(index + 1, 1));
        }

        /** Sends one attempt; gateway failures become an {@link Attempt}, a stop wins the race. */
        private Uni<Attempt> attempt(String model, int number) {
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            AtomicInteger streamed = new AtomicInteger();
            Uni<Attempt> answer = client.complete(model, request, text -> {
                        streamed.addAndGet(text.length());
                        hooks.onDelta(text);
                    })
                    .map(completion -> success(model, number, startedAt, start, completion))
                    .onFailure(GatewayCallException.class)
                    .recoverWithItem(
                            failure -> failed(model, number, startedAt, start, (GatewayCallException) failure));
            Uni<Attempt> stopped = hooks.stopped().map(ignored -> cancelled(model, number, startedAt, start, streamed));
            return Uni.combine().any().of(answer, stopped).map(Attempt.class::cast);
        }

        private Uni<Completion> afterAttempt(int index, Attempt attempt) {
            String model = attempt.model();
            return switch (attempt.outcome()) {
                case SUCCESS -> {
                    policy.onSuccess(model);
                    yield hooks.afterAttempt(attempt).replaceWith(attempt.completion());
                }
                case CANCELLED -> {
                    policy.onAbandoned(model);
                    yield hooks.afterAttempt(attempt)
                            .chain(() -> Uni.createFrom().failure(hooks.stopFailure()));
                }
                default -> afterFailure(index, attempt);
            };
        }

        private Uni<Completion> afterFailure(int index, Attempt failed) {
            GatewayCallException failure = failed.failure();
            ResiliencePolicy.Decision decision = policy.onFailure(failed.model(), failure, failed.number());
            Attempt recorded = decision.retrySameModel() ? failed : withOutcome(failed, Attempt.Outcome.ERROR);
            if (!decision.retrySameModel()) {
                failures.put(
                        failed.model(),
                        failure.getMessage() + " (" + failed.number()
                                + (failed.number() == 1 ? " attempt)" : " attempts)"));
                onlyRejections &= !failure.isRetryable();
            }
            return hooks.afterAttempt(recorded)
                    .chain(() -> decision.retrySameModel()
                            ? waitThen(decision.delay()).chain(() -> model(index, failed.number() + 1))
                            : model(index + 1, 1));
        }

        /** Waits before a retry; a stop ends the wait at once. */
        private Uni<Void> waitThen(Duration wait) {
            if (wait.isZero()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Object> timer = Uni.createFrom().emitter(emitter -> {
                long id = vertx.setTimer(Math.max(1, wait.toMillis()), ignored -> emitter.complete(Boolean.TRUE));
                emitter.onTermination(() -> vertx.cancelTimer(id));
            });
            return Uni.combine().any().of(timer, hooks.stopped()).replaceWithVoid();
        }

        private Attempt failed(String model, int number, Instant startedAt, long start, GatewayCallException failure) {
            boolean answered =
                    switch (failure.kind()) {
                        case IDLE_TIMEOUT, CONNECTION_LOST, PROTOCOL -> true;
                        default -> false;
                    };
            Usage usage = answered ? estimate(failure.receivedChars()) : Usage.NONE;
            return new Attempt(
                    model,
                    number,
                    startedAt,
                    elapsedMillis(start),
                    Attempt.Outcome.RETRY,
                    null,
                    usage,
                    answered,
                    failure);
        }

        /** An attempt abandoned by a stop: estimated as billed once content had started to arrive. */
        private Attempt cancelled(String model, int number, Instant startedAt, long start, AtomicInteger streamed) {
            int chars = streamed.get();
            return new Attempt(
                    model,
                    number,
                    startedAt,
                    elapsedMillis(start),
                    Attempt.Outcome.CANCELLED,
                    null,
                    chars > 0 ? estimate(chars) : Usage.NONE,
                    chars > 0,
                    GatewayCallException.of(GatewayCallException.Kind.CONNECTION_LOST, "abandoned: the run stopped"));
        }

        /** Tokens of an attempt that broke off after the gateway started answering. */
        private Usage estimate(int receivedChars) {
            return new Usage(TokenEstimates.inputTokens(request), TokenEstimates.tokens(receivedChars));
        }

        private GatewayUnavailableException exhausted() {
            List<String> parts = new ArrayList<>();
            failures.forEach((model, failure) -> parts.add(model + ": " + failure));
            String code = onlyRejections && !failures.isEmpty() ? "gateway_rejected" : "gateway_unavailable";
            return new GatewayUnavailableException(code, "every model failed: " + String.join("; ", parts));
        }
    }

    private static Attempt success(String model, int number, Instant startedAt, long start, Completion completion) {
        return new Attempt(
                model,
                number,
                startedAt,
                elapsedMillis(start),
                Attempt.Outcome.SUCCESS,
                completion,
                completion.usage(),
                !completion.usageReported(),
                null);
    }

    private static Attempt withOutcome(Attempt attempt, Attempt.Outcome outcome) {
        return new Attempt(
                attempt.model(),
                attempt.number(),
                attempt.startedAt(),
                attempt.durationMs(),
                outcome,
                attempt.completion(),
                attempt.usage(),
                attempt.usageEstimated(),
                attempt.failure());
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
