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
 *
 * <p>Bounded by construction: it follows at most {@code maxInstruments} instruments (and so as many coins), the
 * first seen; an event of any other is counted as rejected {@code too-many-instruments} and reaches no
 * aggregator. Real venues list about 1,500 perpetuals between them; made-up symbols by the hundred thousand
 * would otherwise each become bars, presence and a coin that every read-out visits. A merge admits the other
 * part's instruments too, so k merged parts follow at most k times the cap.
 */
public final class MarketState implements MarketListener {
    /** Instruments followed by default: several times every perpetual the venues list. */
    public static final int MAX_INSTRUMENTS = 10_000;

    /** How far back each part keeps detail, counted from the latest event. */
    public record Retention(MarketBars.Retention bars, long liquidationMicros) {
        public static final Retention LIVE = new Retention(MarketBars.Retention.LIVE, 26 * Micros.PER_HOUR);
        public static final Retention REPLAY = new Retention(MarketBars.Retention.REPLAY, 8 * Micros.PER_DAY);
    }

    private final EventCounts counts = new EventCounts();
    private final LiquidationTotals liquidations = new LiquidationTotals();
    private final LiquidationPresence presence;
    private final LiquidationLog log;
    private final LiquidationHours hours;
    private final MarketBars bars;
    private final MarketOverview overview = new MarketOverview();
    private final int maxInstruments;
    /** Whether an instrument key is followed; grows with the keys seen, to the process's key count. */
    private boolean[] isFollowed = new boolean[256];
    private int followed;

    public MarketState(Retention retention) {
        this(retention, MAX_INSTRUMENTS);
    }

    public MarketState(Retention retention, int maxInstruments) {
        if (maxInstruments < 1) {
            throw new IllegalArgumentException("maxInstruments must be at least 1");
        }
        this.maxInstruments = maxInstruments;
        this.presence = new LiquidationPresence(retention.liquidationMicros());
        this.log = new LiquidationLog(retention.liquidationMicros());
        // hours as far back as the bars keep hours: a month's chart of liquidations beside its prices
        this.hours = new LiquidationHours(Math.min(retention.bars().hourMicros(), 400 * Micros.PER_DAY));
        this.bars = new MarketBars(retention.bars());
    }

    @Override
    public void onLiquidation(Liquidation e) {
        if (!follows(e.instrument())) {
            return;
        }
        counts.onLiquidation(e);
        liquidations.add(e);
        presence.add(e);
        log.onLiquidation(e);
        hours.onLiquidation(e);
    }

    @Override
    public void onTrade(Trade e) {
        if (!follows(e.instrument())) {
            return;
        }
        if (bars.isRestored(e)) {
            return; // in a stored bar already (a restart, or a replay overlapping the store)
        }
        counts.onTrade(e);
        bars.onTrade(e);
    }

    @Override
    public void onCandle(Candle e) {
        if (!follows(e.instrument())) {
            return;
        }
        counts.onCandle(e);
        bars.onCandle(e);
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        if (!follows(e.instrument())) {
            return;
        }
        counts.onOpenInterest(e);
        bars.onOpenInterest(e);
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        if (!follows(e.instrument())) {
            return;
        }
        counts.onMarkPrice(e);
        bars.onMarkPrice(e);
    }

    @Override
    public void onFundingRate(FundingRate e) {
        if (!follows(e.instrument())) {
            return;
        }
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

    /** Whether events of {@code instrument} are aggregated: it is followed, or is admitted now under the cap. */
    private boolean follows(Instrument instrument) {
        int key = instrument.key();
        if (key < isFollowed.length && isFollowed[key]) {
            return true;
        }
        if (followed >= maxInstruments) {
            counts.onReject(Reject.TOO_MANY_INSTRUMENTS);
            return false;
        }
        follow(key);
        return true;
    }

    private void follow(int key) {
        if (key >= isFollowed.length) {
            isFollowed = java.util.Arrays.copyOf(isFollowed, Math.max(isFollowed.length * 2, key + 1));
        }
        if (!isFollowed[key]) {
            isFollowed[key] = true;
            followed++;
        }
    }

    /** Whether events of {@code instrument} are aggregated (admitted under the cap); admits nothing itself. */
    public boolean isFollowing(Instrument instrument) {
        int key = instrument.key();
        return key < isFollowed.length && isFollowed[key];
    }

    /** Instruments whose events are aggregated. */
    public int instrumentsFollowed() {
        return followed;
    }

    public void merge(MarketState o) {
        for (int key = 0; key < o.isFollowed.length; key++) {
            if (o.isFollowed[key]) {
                follow(key);
            }
        }
        counts.merge(o.counts);
        liquidations.merge(o.liquidations);
        presence.merge(o.presence);
        hours.merge(o.hours);
        log.merge(o.log);
        bars.merge(o.bars);
        overview.merge(o.overview);
    }

    /**
     * A stored minute bar back into the state (a restart): the bars, and the trade counts and times it
     * summarizes. Trades themselves are not read back: their bars carry all the read-outs use.
     */
    public void restoreMinute(Instrument instrument, double[] d, long[] t, boolean isLatePart) {
        if (!follows(instrument)) {
            return;
        }
        bars.restoreMinute(instrument, d, t, isLatePart);
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

    /** Liquidations by hour, coin, exchange and side, for as long as the bars keep hours. */
    public LiquidationHours hours() {
        return hours;
    }

    public MarketBars bars() {
        return bars;
    }

    public MarketOverview overview() {
        return overview;
    }
}
