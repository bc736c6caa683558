package dev.cascade.ingest;

import dev.cascade.model.Candle;
import dev.cascade.model.Checks;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Trade;

/**
 * Stands between one input item's decoder and the pipeline: rejects an event dated after the file's own clock
 * (its modification time; no event in a file can be later than the file, whatever its envelope or row says)
 * as {@link Reject#IMPLAUSIBLE_TIME}, and notes whether the item had a rejection so that the item is counted
 * as rejected. Reused for every item of a source: allocates nothing.
 */
final class ItemGate implements MarketListener {
    private final long clockMicros;
    private MarketListener out;
    private int rejects;

    /** @param clockMicros the file's time, or {@link Checks#NO_CLOCK} */
    ItemGate(long clockMicros) {
        this.clockMicros = clockMicros;
    }

    /** Starts an item whose events go to {@code downstream}. */
    ItemGate begin(MarketListener downstream) {
        this.out = downstream;
        this.rejects = 0;
        return this;
    }

    /** Whether the current item had at least one rejection. */
    boolean hasRejects() {
        return rejects > 0;
    }

    private boolean isLate(long exchangeMicros) {
        Reject r = Checks.time(exchangeMicros, clockMicros);
        if (r != null) {
            onReject(r);
            return true;
        }
        return false;
    }

    @Override
    public void onLiquidation(Liquidation e) {
        if (!isLate(e.exchangeMicros())) {
            out.onLiquidation(e);
        }
    }

    @Override
    public void onTrade(Trade e) {
        if (!isLate(e.exchangeMicros())) {
            out.onTrade(e);
        }
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        if (!isLate(e.exchangeMicros())) {
            out.onOpenInterest(e);
        }
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        if (!isLate(e.exchangeMicros())) {
            out.onMarkPrice(e);
        }
    }

    @Override
    public void onFundingRate(FundingRate e) {
        if (!isLate(e.exchangeMicros())) {
            out.onFundingRate(e);
        }
    }

    @Override
    public void onCandle(Candle e) {
        if (!isLate(e.exchangeMicros())) {
            out.onCandle(e);
        }
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        if (!isLate(e.timeMicros())) {
            out.onGlobalMarket(e);
        }
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        if (!isLate(e.timeMicros())) {
            out.onCoinMarkets(e);
        }
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        if (!isLate(e.timeMicros())) {
            out.onFearGreed(e);
        }
    }

    @Override
    public void onReject(Reject reason) {
        rejects++;
        out.onReject(reason);
    }
}
