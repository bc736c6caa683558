package dev.cascade.analytics.dedupe;

import dev.cascade.model.ForwardingListener;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;

/**
 * Passes events on to a downstream listener, except liquidations and trades seen before, which it counts.
 * Mark prices, funding and open interest are states, not events: a repeat changes nothing and is passed on.
 */
public final class DedupingListener extends ForwardingListener {
    private final LiquidationDeduplicator liquidations;
    private final TradeDeduplicator trades;
    private long duplicateLiquidations;
    private long duplicateTrades;

    public DedupingListener(MarketListener downstream, LiquidationDeduplicator liquidations, TradeDeduplicator trades) {
        super(downstream);
        this.liquidations = liquidations;
        this.trades = trades;
    }

    public DedupingListener(MarketListener downstream) {
        this(downstream, new LiquidationDeduplicator(), new TradeDeduplicator());
    }

    @Override
    public void onLiquidation(Liquidation e) {
        if (liquidations.isNew(e)) {
            downstream.onLiquidation(e);
        } else {
            duplicateLiquidations++;
        }
    }

    @Override
    public void onTrade(Trade e) {
        if (trades.isNew(e)) {
            downstream.onTrade(e);
        } else {
            duplicateTrades++;
        }
    }

    public long duplicateLiquidations() {
        return duplicateLiquidations;
    }

    public long duplicateTrades() {
        return duplicateTrades;
    }
}
