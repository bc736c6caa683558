package dev.cascade.model;

/**
 * One maintenance-margin bracket of a contract: positions whose size lies in [floor, cap) keep {@code mmr} of it
 * as maintenance margin, less the maintenance amount {@code cum} (Binance's "cum", Bybit's "MM deduction"),
 * which makes the margin continuous across brackets: cum_n = cum_(n-1) + floor_n x (mmr_n - mmr_(n-1)).
 * Linear contracts measure size in USD notional; inverse (COIN-M) contracts in coins, and cum is in coins too.
 */
public record MarginBracket(int number, double floor, double cap, double mmr, double cum, int maxLeverage) {
    public MarginBracket {
        if (!(floor >= 0) || !(cap > floor) || !(mmr >= 0 && mmr < 1) || !(cum >= 0)) {
            throw new IllegalArgumentException("bracket " + number + ": floor " + floor + ", cap " + cap + ", mmr " + mmr
                    + ", cum " + cum + " out of range");
        }
    }

    public boolean contains(double size) {
        return size >= floor && size < cap;
    }
}
