package dev.cascade.analytics.risk;

import dev.cascade.model.MarginBracket;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;

/**
 * The price at which a venue liquidates a single position, with maintenance-margin brackets (research/methods.md
 * 1.3), one-way mode, no other positions. Quantities: coins for linear contracts, contracts for inverse ones
 * ({@code contractSize} USD each). Wallet: USD for linear, coins for inverse.
 *
 * <pre>
 * Binance USDⓈ-M (MM at the liquidation price; bracket chosen where floor <= Q x LP < cap):
 *   long  LP = (Q x EP - W - cum) / (Q x (1 - MMR))         short  LP = (Q x EP + W + cum) / (Q x (1 + MMR))
 * Binance COIN-M (s = +1 long, -1 short; CM = contract size; bracket on the coin notional Q x CM / LP):
 *   LP = (Q x MMR + s x Q) / ((W + cum) / CM + s x Q / EP)
 * Bybit (MM at the entry price; bracket on the entry value):
 *   linear   long LP = EP - (IM - MM) / Q          short LP = EP + (IM - MM) / Q,    MM = Q x EP x MMR - cum
 *   inverse  long LP = Qc / (PV + (IM - MM))        short LP = Qc / (PV - (IM - MM)),  PV = Qc / EP, MM = PV x MMR - cum
 * OKX (its margin ratio reaches 100 % when equity = size x price x (MMR + fee)): the Binance forms with MMR + fee.
 * </pre>
 */
public final class LiquidationPrice {
    /** OKX's liquidation fee on top of the MMR: the regular taker fee of perpetual swaps, 0.05 %. */
    public static final double OKX_FEE = 0.0005;

    /** A single position. {@code contractSize} is USD per contract for inverse contracts and ignored otherwise. */
    public record Position(Venue venue, boolean isInverse, Side side, double entry, double quantity,
                           double contractSize, double wallet) {
        public Position {
            if (!(entry > 0) || !(quantity > 0) || !(wallet > 0) || isInverse && !(contractSize > 0)) {
                throw new IllegalArgumentException("entry, quantity, wallet and contract size must be positive");
            }
        }

        /** The initial margin at a leverage: what an isolated position's wallet holds unless it was topped up. */
        public static double initialMargin(boolean isInverse, double entry, double quantity, double contractSize,
                                           double leverage) {
            return isInverse ? quantity * contractSize / entry / leverage : quantity * entry / leverage;
        }
    }

    /** The price and the bracket it was computed with; the price is 0 when the position cannot be liquidated. */
    public record Result(double price, MarginBracket bracket) {
    }

    private LiquidationPrice() {
    }

    public static Result of(Position p, MarginBrackets brackets) {
        return switch (p.venue()) {
            case BYBIT_LINEAR, BYBIT_INVERSE -> bybit(p, brackets);
            case OKX_SWAP -> binanceForm(p, brackets, OKX_FEE);
            default -> binanceForm(p, brackets, 0);
        };
    }

    /** Tries every bracket and keeps the one that contains the size at the price it gives. */
    private static Result binanceForm(Position p, MarginBrackets brackets, double fee) {
        Result fallback = null;
        for (MarginBracket b : brackets.brackets()) {
            double lp = p.isInverse() ? inverse(p, b.mmr() + fee, b.cum()) : linear(p, b.mmr() + fee, b.cum());
            double size = p.isInverse() ? p.quantity() * p.contractSize() / lp : p.quantity() * lp;
            if (lp > 0 && b.contains(size)) {
                return new Result(lp, b);
            }
            if (fallback == null) {
                fallback = new Result(Math.max(0, lp), b);
            }
        }
        // no bracket is self-consistent (a price that would cross brackets): the first, as at small sizes
        return fallback;
    }

    private static double linear(Position p, double mmr, double cum) {
        double q = p.quantity();
        return p.side() == Side.LONG ? (q * p.entry() - p.wallet() - cum) / (q * (1 - mmr))
                : (q * p.entry() + p.wallet() + cum) / (q * (1 + mmr));
    }

    private static double inverse(Position p, double mmr, double cum) {
        double s = p.side() == Side.LONG ? 1 : -1;
        double q = p.quantity();
        double lp = (q * mmr + s * q) / ((p.wallet() + cum) / p.contractSize() + s * q / p.entry());
        return lp > 0 ? lp : 0; // an inverse short at 1x or less never runs out of margin
    }

    private static Result bybit(Position p, MarginBrackets brackets) {
        if (p.isInverse()) {
            double qc = p.quantity() * p.contractSize();
            double pv = qc / p.entry();
            MarginBracket b = brackets.containing(pv);
            double free = p.wallet() - (pv * b.mmr() - b.cum());
            double denominator = p.side() == Side.LONG ? pv + free : pv - free;
            return new Result(denominator > 0 ? qc / denominator : 0, b);
        }
        double q = p.quantity();
        MarginBracket b = brackets.containing(q * p.entry());
        double free = (p.wallet() - (q * p.entry() * b.mmr() - b.cum())) / q;
        return new Result(Math.max(0, p.side() == Side.LONG ? p.entry() - free : p.entry() + free), b);
    }
}
