package dev.cascade.model;

/**
 * A pipeline stage that passes every event and rejection on to the next; a stage overrides only what it
 * acts on (the deduplicator its liquidations and trades, gap recovery its trades).
 */
public abstract class ForwardingListener implements MarketListener {
    protected final MarketListener downstream;

    protected ForwardingListener(MarketListener downstream) {
        this.downstream = downstream;
    }

    @Override
    public void onLiquidation(Liquidation e) {
        downstream.onLiquidation(e);
    }

    @Override
    public void onTrade(Trade e) {
        downstream.onTrade(e);
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        downstream.onOpenInterest(e);
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        downstream.onMarkPrice(e);
    }

    @Override
    public void onFundingRate(FundingRate e) {
        downstream.onFundingRate(e);
    }

    @Override
    public void onCandle(Candle e) {
        downstream.onCandle(e);
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        downstream.onGlobalMarket(e);
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        downstream.onCoinMarkets(e);
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        downstream.onFearGreed(e);
    }

    @Override
    public void onReject(Reject reason) {
        downstream.onReject(reason);
    }
}
