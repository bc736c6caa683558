package dev.cascade.flink;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.MarketBars;

/**
 * What the job emits for one instrument and one minute of exchange time: the read-out of the aggregators that
 * counted it (liquidations by side with the largest order, taker flow and prices, the last open interest,
 * mark and funding, event counts). It is what crosses the network and
 * lands in Kafka, so it holds names and numbers only, no process-local ids. A minute is emitted when the
 * watermark passes its end, and again, with a higher {@code revision} and the late events included, for each
 * late event within the allowed lateness: consumers keep the highest revision of each
 * (venue, symbol, minute). A Flink POJO: public fields and a no-argument constructor.
 */
public final class InstrumentMinute {
    public String venue;
    public String exchange;
    public String symbol;
    public String coin;
    public long minuteMicros;
    public long revision;

    public double longUsd;
    public double shortUsd;
    public long longCount;
    public long shortCount;
    /** The minute's largest liquidation; {@code largestSide} is null when there was none. */
    public String largestSide;
    public double largestUsd;
    public double largestPrice;
    public double largestQuantity;
    public long largestMicros;

    /** Taker flow and prices of the minute's trades (MarketBars); the prices are null without a trade. */
    public double takerBuyUsd;
    public double takerSellUsd;
    public double volumeUsd;
    public double volumeCoin;
    public Double open;
    public Double high;
    public Double low;
    public Double close;
    /** The last open interest (USD), mark price and funding rate seen in the minute; null when none came. */
    public Double openInterestUsd;
    public Double markPrice;
    public Double fundingRate;

    public long trades;
    public long openInterest;
    public long markPrices;
    public long fundingRates;
    public long candles;
    /** Exchange times of the first and last event counted. */
    public long firstMicros;
    public long lastMicros;

    /**
     * The instrument's conversion facts, as every event record carries them ({@code InstrumentSpec}): with the
     * venue, symbol and coin they define the instrument a consumer resolves the event topics' records to.
     */
    public String contractType;
    public double contractSize;
    public String contractCurrency;
    public boolean usdQuoted;
    /**
     * The minute's bar as the store keeps it ({@code BarSeries.export}: {@code bar} its doubles, {@code barTimes}
     * its longs, the minute first); null without one. {@code cascade serve --source kafka} restores it with
     * {@code MarketState.restoreMinute}, as a restart restores a stored bar.
     */
    public double[] bar;
    public long[] barTimes;

    public InstrumentMinute() {
    }

    /** The read-out of one minute's aggregators; the key, minute and revision are stamped by the window. */
    static InstrumentMinute of(LiquidationTotals liquidations, EventCounts counts, MarketBars bars) {
        InstrumentMinute m = new InstrumentMinute();
        LiquidationSummary s = liquidations.total();
        m.longUsd = s.total().longUsd();
        m.shortUsd = s.total().shortUsd();
        m.longCount = s.total().longCount();
        m.shortCount = s.total().shortCount();
        LargestLiquidation largest = s.largest();
        if (largest != null) {
            m.largestSide = largest.side().id();
            m.largestUsd = largest.usd();
            m.largestPrice = largest.price();
            m.largestQuantity = largest.quantity();
            m.largestMicros = largest.timeMicros();
        }
        if (!bars.instruments().isEmpty()) {
            BarSeries bar = bars.instruments().get(0).total();
            m.takerBuyUsd = bar.buyUsd(0);
            m.takerSellUsd = bar.sellUsd(0);
            m.volumeUsd = bar.volumeUsd(0);
            m.volumeCoin = bar.volumeCoin(0);
            if (bar.hasTrades(0)) {
                m.open = bar.open(0);
                m.high = bar.high(0);
                m.low = bar.low(0);
                m.close = bar.close(0);
            }
            m.openInterestUsd = orNull(bar.openInterestUsd(0), bar.openInterestTime(0));
            m.markPrice = orNull(bar.mark(0), bar.markTime(0));
            m.fundingRate = orNull(bar.funding(0), bar.fundingTime(0));
            BarSeries minutes = bars.instruments().get(0).minutes();
            if (minutes.size() > 0) {
                m.bar = new double[BarSeries.DOUBLES];
                m.barTimes = new long[BarSeries.LONGS];
                minutes.export(0, m.bar, m.barTimes);
            }
        }
        m.trades = counts.trades();
        m.openInterest = counts.openInterest();
        m.markPrices = counts.markPrices();
        m.fundingRates = counts.fundingRates();
        m.candles = counts.candles();
        m.firstMicros = counts.firstMicros();
        m.lastMicros = counts.lastMicros();
        return m;
    }

    private static Double orNull(double value, long time) {
        return time == BarSeries.NONE || Double.isNaN(value) ? null : value;
    }

    /** The record key in Kafka: one per instrument and minute, so a compacted topic keeps the last revision. */
    public String key() {
        return venue + ":" + symbol + ":" + minuteMicros;
    }

    @Override
    public String toString() {
        return key() + " r" + revision + " long " + longUsd + "/" + longCount + " short " + shortUsd + "/" + shortCount
                + " trades " + trades;
    }
}
