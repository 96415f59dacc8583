package dev.agentcron.worker.run.store;

import java.math.BigDecimal;

/**
 * A run's totals as written to its row.
 *
 * @param model the model that answered last, or null when none has
 * @param inputTokens over every call, failed attempts included
 * @param outputTokens over every call
 * @param costUsd over every call
 * @param numTurns model calls that returned a response
 */
public record RunTotals(String model, long inputTokens, long outputTokens, BigDecimal costUsd, int numTurns) {}
