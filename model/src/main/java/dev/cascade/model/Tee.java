package dev.cascade.model;

/** Delivers every event and rejection to several listeners in order: pipeline wiring without glue classes. */
public final class Tee implements MarketListener {
    private final MarketListener[] listeners;

    public Tee(MarketListener... listeners) {
        this.listeners = listeners.clone();
    }

    @Override
    public void onLiquidation(Liquidation e) {
        for (MarketListener l : listeners) {
            l.onLiquidation(e);
        }
    }

    @Override
    public void onTrade(Trade e) {
        for (MarketListener l : listeners) {
            l.onTrade(e);
        }
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        for (MarketListener l : listeners) {
            l.onOpenInterest(e);
        }
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        for (MarketListener l : listeners) {
            l.onMarkPrice(e);
        }
    }

    @Override
    public void onFundingRate(FundingRate e) {
        for (MarketListener l : listeners) {
            l.onFundingRate(e);
        }
    }

    @Override
    public void onCandle(Candle e) {
        for (MarketListener l : listeners) {
            l.onCandle(e);
        }
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        for (MarketListener l : listeners) {
            l.onGlobalMarket(e);
        }
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        for (MarketListener l : listeners) {
            l.onCoinMarkets(e);
        }
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        for (MarketListener l : listeners) {
            l.onFearGreed(e);
        }
    }

    @Override
    public void onReject(Reject reason) {
        for (MarketListener l : listeners) {
            l.onReject(reason);
        }
    }
}
