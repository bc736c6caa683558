package dev.cascade.alerts;

import java.time.Duration;

/**
 * A rule: a kind of fact, optionally narrowed to a coin and an exchange, and a cooldown (after it fires for a
 * coin and exchange, it stays quiet that long). {@code usd} is the threshold of {@code liquidations} (over
 * {@code window}) and of {@code burst}; the other kinds fire on every such event.
 */
public record AlertRule(String name, Kind kind, String coin, String exchange, Duration window, double usd,
                        Duration cooldown) {
    public enum Kind {
        /** Liquidations of a coin or exchange over a window above {@code usd}. */
        LIQUIDATIONS("liquidations"),
        /** A liquidation burst of at least {@code usd}. */
        BURST("burst"),
        /** A liquidation cluster on the heatmap swept. */
        SWEPT_CLUSTER("swept-cluster"),
        /** A net taker volume extreme. */
        TAKER_EXTREME("taker-extreme"),
        /** A leverage flush, long squeeze or short squeeze. */
        FLUSH("flush");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown alert kind '" + id + "' (liquidations, burst, swept-cluster,"
                    + " taker-extreme, flush)");
        }
    }

    public AlertRule {
        if (name == null || name.isBlank() || kind == null || cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("a rule needs a name, a kind and a cooldown >= 0");
        }
        if (kind == Kind.LIQUIDATIONS && (window == null || window.isZero() || window.isNegative() || !(usd > 0))) {
            throw new IllegalArgumentException("a liquidations rule needs a window and usd > 0");
        }
        // what each kind of fact is known by: bursts by venue (all coins), clusters and flushes by coin
        if (kind == Kind.LIQUIDATIONS && coin != null && exchange != null) {
            throw new IllegalArgumentException("a liquidations rule takes a coin or an exchange, not both");
        }
        if (kind == Kind.BURST && coin != null) {
            throw new IllegalArgumentException("bursts are per venue, over all coins: give an exchange");
        }
        if ((kind == Kind.SWEPT_CLUSTER || kind == Kind.FLUSH) && exchange != null) {
            throw new IllegalArgumentException(kind.id() + " is over every venue: give a coin");
        }
    }

    boolean matches(String coin, String exchange) {
        return (this.coin == null || this.coin.equals(coin)) && (this.exchange == null || this.exchange.equals(exchange));
    }
}
