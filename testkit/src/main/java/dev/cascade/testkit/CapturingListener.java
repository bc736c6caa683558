package dev.cascade.testkit;

import dev.cascade.model.Candle;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Trade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps a copy of every event and counts every rejection, for assertions. */
public final class CapturingListener implements MarketListener {
    public final List<Liquidation> liquidations = new ArrayList<>();
    public final List<Trade> trades = new ArrayList<>();
    public final List<OpenInterest> openInterest = new ArrayList<>();
    public final List<MarkPrice> markPrices = new ArrayList<>();
    public final List<FundingRate> fundingRates = new ArrayList<>();
    public final List<Candle> candles = new ArrayList<>();
    public final List<GlobalMarket> globals = new ArrayList<>();
    public final List<CoinMarkets> coinPages = new ArrayList<>();
    public final List<FearGreedReading> fearGreed = new ArrayList<>();
    public final Map<Reject, Integer> rejects = new EnumMap<>(Reject.class);

    @Override
    public void onLiquidation(Liquidation e) {
        liquidations.add(e.copy());
    }

    @Override
    public void onTrade(Trade e) {
        trades.add(e.copy());
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        openInterest.add(e.copy());
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        markPrices.add(e.copy());
    }

    @Override
    public void onFundingRate(FundingRate e) {
        fundingRates.add(e.copy());
    }

    @Override
    public void onCandle(Candle e) {
        candles.add(e.copy());
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        globals.add(e);
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        coinPages.add(e);
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        fearGreed.add(e);
    }

    @Override
    public void onReject(Reject reason) {
        rejects.merge(reason, 1, Integer::sum);
    }

    /** How many events of any type were captured. */
    public int eventCount() {
        return liquidations.size() + trades.size() + openInterest.size() + markPrices.size() + fundingRates.size()
                + candles.size();
    }

    public int rejectCount() {
        return rejects.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The only liquidation captured; fails when there is not exactly one. */
    public Liquidation onlyLiquidation() {
        if (liquidations.size() != 1) {
            throw new AssertionError("expected one liquidation, got " + liquidations + " rejects " + rejects);
        }
        return liquidations.get(0);
    }

    public Trade onlyTrade() {
        if (trades.size() != 1) {
            throw new AssertionError("expected one trade, got " + trades + " rejects " + rejects);
        }
        return trades.get(0);
    }
}
