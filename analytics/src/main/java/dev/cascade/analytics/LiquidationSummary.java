package dev.cascade.analytics;

import java.util.Map;

/**
 * Reported liquidation totals over a period: the split by side, the largest order, and the same split by
 * coin, exchange and venue (each map ordered by USD, largest first). {@code largest} is null when the period
 * had no liquidation; {@code fromMicros}/{@code toMicros} bound the period.
 */
public record LiquidationSummary(long fromMicros, long toMicros, SideTotals total, LargestLiquidation largest,
                                 Map<String, SideTotals> byCoin, Map<String, SideTotals> byExchange,
                                 Map<String, SideTotals> byVenue) {
}
