package dev.agentcron.worker.run;

/** The run's {@code max_budget_usd} is spent, or the next call's worst case would overspend it. */
public class BudgetExceededException extends RuntimeException {

    public BudgetExceededException(String message) {
        super(message);
    }
}
