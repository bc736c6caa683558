package dev.cascade.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A contract's maintenance-margin brackets, in rising order and contiguous. The live tables come from signed
 * endpoints (Binance {@code leverageBracket}) and change by announcement, so Cascade ships documented defaults
 * ({@link #defaults}) and reads the real ones from a file when given.
 */
public record MarginBrackets(List<MarginBracket> brackets) {
    /**
     * Binance BTCUSDT, from a public snapshot (research/methods.md 1.3; its cum column checks out against the
     * recursion). Notional in USDT.
     */
    public static final MarginBrackets BINANCE_BTCUSDT = of(new double[][] {
        {0, 50_000, 0.004, 125}, {50_000, 250_000, 0.005, 100}, {250_000, 3_000_000, 0.01, 50},
        {3_000_000, 20_000_000, 0.025, 20}, {20_000_000, 40_000_000, 0.05, 10}, {40_000_000, 100_000_000, 0.10, 5},
        {100_000_000, 120_000_000, 0.125, 4}, {120_000_000, 200_000_000, 0.15, 3},
        {200_000_000, 300_000_000, 0.25, 2}, {300_000_000, 500_000_000, 0.50, 1}});

    /** One unbounded bracket of 0.5 %: the MMR of Bybit's and the methods' inverse worked examples. */
    public static final MarginBrackets FLAT_HALF_PERCENT = of(new double[][] {{0, Double.MAX_VALUE, 0.005, 100}});

    public MarginBrackets {
        brackets = List.copyOf(brackets);
        if (brackets.isEmpty()) {
            throw new IllegalArgumentException("no brackets");
        }
        for (int i = 1; i < brackets.size(); i++) {
            if (brackets.get(i).floor() != brackets.get(i - 1).cap()) {
                throw new IllegalArgumentException("brackets " + (i) + " and " + (i + 1) + " are not contiguous: cap "
                        + brackets.get(i - 1).cap() + ", next floor " + brackets.get(i).floor());
            }
        }
    }

    /** Brackets from rows of {floor, cap, mmr, maxLeverage}, cum computed by the continuity recursion. */
    public static MarginBrackets of(double[][] rows) {
        List<MarginBracket> out = new ArrayList<>();
        double cum = 0;
        double previousMmr = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            cum += r[0] * (r[2] - previousMmr);
            previousMmr = r[2];
            out.add(new MarginBracket(i + 1, r[0], r[1], r[2], Math.max(0, cum), (int) r[3]));
        }
        return new MarginBrackets(out);
    }

    /** The documented defaults: Binance's BTCUSDT table for binance-usdm, a flat 0.5 % elsewhere. */
    public static MarginBrackets defaults(Venue venue) {
        return venue == Venue.BINANCE_USDM ? BINANCE_BTCUSDT : FLAT_HALF_PERCENT;
    }

    /** The bracket containing {@code size}; the last one beyond the top, the first below zero. */
    public MarginBracket containing(double size) {
        for (MarginBracket b : brackets) {
            if (b.contains(size)) {
                return b;
            }
        }
        return size < brackets.get(0).floor() ? brackets.get(0) : brackets.get(brackets.size() - 1);
    }
}
