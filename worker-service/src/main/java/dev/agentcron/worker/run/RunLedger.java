package dev.agentcron.worker.run;

import dev.agentcron.worker.gateway.Attempt;
import dev.agentcron.worker.run.store.RunTotals;
import java.math.BigDecimal;

/**
 * A run's running totals: every attempt's tokens and cost count (failed ones too); {@code num_turns} counts
 * the model calls that returned a response; {@code model} is the model that answered last. Also numbers the
 * steps of the attempt.
 */
final class RunLedger {

    private final BigDecimal budget;
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private int numTurns;
    private String model;
    private int seq;

    RunLedger(BigDecimal budget) {
        this.budget = budget;
    }

    synchronized void account(Attempt attempt, BigDecimal attemptCost) {
        inputTokens += attempt.usage().inputTokens();
        outputTokens += attempt.usage().outputTokens();
        cost = cost.add(attemptCost);
        if (attempt.outcome() == Attempt.Outcome.SUCCESS) {
            numTurns++;
            model = attempt.model();
        }
    }

    synchronized int nextSeq() {
        return ++seq;
    }

    synchronized RunTotals totals() {
        return new RunTotals(model, inputTokens, outputTokens, cost, numTurns);
    }

    /** The budget, or null when the agent has none. */
    BigDecimal budget() {
        return budget;
    }

    synchronized BigDecimal cost() {
        return cost;
    }

    /** Budget left (negative when overspent), or null without a budget. */
    synchronized BigDecimal left() {
        return budget == null ? null : budget.subtract(cost);
    }

    /** Whether the run has spent more than its budget. */
    synchronized boolean overBudget() {
        return budget != null && cost.compareTo(budget) > 0;
    }
}
