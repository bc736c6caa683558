package dev.cascade.analytics;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.estimate.LiquidationPresence;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.model.Candle;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Trade;

/**
 * Every aggregator Cascade keeps, fed as one listener: what a replay, a live run, the API and a Flink operator
 * hold, and what {@code Figures} reads every figure of a recap from.
 *
 * <pre>
 *   liquidation ─> counts, LiquidationTotals, LiquidationPresence, LiquidationLog
 *   trade, candle, open interest, mark, funding ─> counts, MarketBars
 *   global market, coin pages, Fear &amp; Greed ─> counts, MarketOverview
 * </pre>
 *
 * Each event goes to its aggregators by a direct call (no listener loop on the hot path). Pure and mergeable
 * like its parts.
 */
public final class MarketState implements MarketListener {
    /** How far back each part keeps detail, counted from the latest event. */
    public record Retention(MarketBars.Retention bars, long liquidationMicros) {
        public static final Retention LIVE = new Retention(MarketBars.Retention.LIVE, 26 * Micros.PER_HOUR);
        public static final Retention REPLAY = new Retention(MarketBars.Retention.REPLAY, 8 * Micros.PER_DAY);
    }

    private final EventCounts counts = new EventCounts();
    private final LiquidationTotals liquidations = new LiquidationTotals();
    private final LiquidationPresence presence;
    private final LiquidationLog log;
    private final MarketBars bars;
    private final MarketOverview overview = new MarketOverview();

    public MarketState(Retention retention) {
        this.presence = new LiquidationPresence(retention.liquidationMicros());
        this.log = new LiquidationLog(retention.liquidationMicros());
        this.bars = new MarketBars(retention.bars());
    }

    @Override
    public void onLiquidation(Liquidation e) {
        counts.onLiquidation(e);
        liquidations.add(e);
        presence.add(e);
        log.onLiquidation(e);
    }

    @Override
    public void onTrade(Trade e) {
        if (bars.isRestored(e)) {
            return; // in a stored bar already (a restart, or a replay overlapping the store)
        }
        counts.onTrade(e);
        bars.onTrade(e);
    }

    @Override
    public void onCandle(Candle e) {
        counts.onCandle(e);
        bars.onCandle(e);
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        counts.onOpenInterest(e);
        bars.onOpenInterest(e);
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        counts.onMarkPrice(e);
        bars.onMarkPrice(e);
    }

    @Override
    public void onFundingRate(FundingRate e) {
        counts.onFundingRate(e);
        bars.onFundingRate(e);
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        counts.onGlobalMarket(e);
        overview.onGlobalMarket(e);
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        counts.onCoinMarkets(e);
        overview.onCoinMarkets(e);
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        counts.onFearGreed(e);
        overview.onFearGreed(e);
    }

    @Override
    public void onReject(Reject reason) {
        counts.onReject(reason);
    }

    public void merge(MarketState o) {
        counts.merge(o.counts);
        liquidations.merge(o.liquidations);
        presence.merge(o.presence);
        log.merge(o.log);
        bars.merge(o.bars);
        overview.merge(o.overview);
    }

    /**
     * A stored minute bar back into the state (a restart): the bars, and the trade counts and times it
     * summarizes. Trades themselves are not read back: their bars carry all the read-outs use.
     */
    public void restoreMinute(Instrument instrument, double[] d, long[] t) {
        bars.restoreMinute(instrument, d, t);
        BarSeries row = BarSeries.ofRow(d, t);
        if (row.hasTrades(0)) {
            counts.restoreTrades(row.trades(0), row.openTime(0), row.closeTime(0));
        }
    }

    /** How much per-minute liquidation detail a live run keeps back from its latest event: a day and an hour. */
    public static final long LIVE_LIQUIDATION_DETAIL_MICROS = Micros.PER_DAY + Micros.PER_HOUR;

    /** Drops per-minute liquidation detail older than {@code micros} (a live run's memory bound). */
    public void evictLiquidationMinutesBefore(long micros) {
        liquidations.evictBefore(micros);
    }

    public EventCounts counts() {
        return counts;
    }

    public LiquidationTotals liquidations() {
        return liquidations;
    }

    public LiquidationPresence presence() {
        return presence;
    }

    public LiquidationLog log() {
        return log;
    }

    public MarketBars bars() {
        return bars;
    }

    public MarketOverview overview() {
        return overview;
    }
}
