package dev.cascade.analytics.bars;

import dev.cascade.model.Candle;
import dev.cascade.model.Coin;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minute and hour bars per instrument, from trades, candles, open interest, mark prices and funding: the state
 * behind taker flow, price statistics, open interest, the heatmap and the detectors, which are read-outs of it.
 *
 * <pre>
 *   event ─> InstrumentBars[instrument key] ─┬─> total    (the whole input as one bar)
 *                                            ├─> minutes  (the last {@code minuteRetention})
 *                                            └─> hours    (minutes older than that, rolled up; kept {@code hourRetention})
 * </pre>
 *
 * Pure and mergeable: time comes from the events' exchange times. Retention counts back from the latest event,
 * aligned to its hour, so it does not depend on the order events came in; an event older than the minute
 * retention goes straight into its hour, and one older than the hour retention is counted in
 * {@link #tooOld()} and dropped. {@link #merge} adds another instance's bars instrument by instrument.
 */
public final class MarketBars implements MarketListener {
    /** How far back minute and hour bars reach from the latest event (whole hours). */
    public record Retention(long minuteMicros, long hourMicros) {
        /** A live monitor: a day of minutes with an hour's slack, five weeks of hours (a month's ranks). */
        public static final Retention LIVE = new Retention(26 * Micros.PER_HOUR, 35 * Micros.PER_DAY);
        /** A replay: eight days of minutes, hours as far back as the input goes. */
        public static final Retention REPLAY = new Retention(8 * Micros.PER_DAY, Long.MAX_VALUE / 4);

        public Retention {
            if (minuteMicros < Micros.PER_HOUR || hourMicros < minuteMicros) {
                throw new IllegalArgumentException("retention: at least an hour of minutes, and hours >= minutes");
            }
        }
    }

    private final long minuteRetention;
    private final long hourRetention;
    private InstrumentBars[] byKey = new InstrumentBars[64];
    private final List<InstrumentBars> instruments = new ArrayList<>();
    /** The same bars by coin: read-outs visit a coin's few instruments, not every instrument for every coin. */
    private final Map<Coin, List<InstrumentBars>> byCoin = new HashMap<>();
    private long lastMicros = Long.MIN_VALUE;
    private long lastHour = Long.MIN_VALUE;
    private long minuteCutoff = Long.MIN_VALUE;
    private long hourCutoff = Long.MIN_VALUE;
    private long tooOld;
    private long events;
    private boolean isKeepingChanges;

    public MarketBars(Retention retention) {
        this.minuteRetention = retention.minuteMicros() / Micros.PER_HOUR * 60;
        this.hourRetention = retention.hourMicros() / Micros.PER_HOUR;
    }

    public MarketBars() {
        this(Retention.REPLAY);
    }

    @Override
    public void onTrade(Trade e) {
        double usd = e.usd();
        if (!(usd >= 0)) {
            return; // not valued in USD: nothing to add up
        }
        long time = e.exchangeMicros();
        long minute = advance(time);
        InstrumentBars b = bars(e.instrument());
        double coin = e.instrument().coinQuantity(e.quantity(), e.price());
        // a trade without a taker side still makes the price and the volume, but neither buys nor sells
        int side = e.takerSide() == TakerSide.BUY ? 1 : e.takerSide() == TakerSide.SELL ? -1 : 0;
        b.total.trade(0, e.price(), usd, coin, side, time, e.id());
        BarSeries s = series(b, minute);
        if (s != null) {
            s.trade(slot(s, b, minute), e.price(), usd, coin, side, time, e.id());
            BarSeries late = lateOf(b, s);
            if (late != null) {
                late.trade(minute, e.price(), usd, coin, side, time, e.id());
            }
        }
    }

    @Override
    public void onCandle(Candle e) {
        long time = e.exchangeMicros();
        long minute = advance(time);
        InstrumentBars b = bars(e.instrument());
        Instrument instrument = e.instrument();
        double coin = instrument.coinQuantity(e.volume(), e.close());
        double buy = e.takerBuyQuoteVolume();
        double sell = Math.max(0, e.quoteVolume() - buy);
        long close = time + Math.max(0, e.intervalMicros() - 1);
        b.total.candle(0, e.open(), e.high(), e.low(), e.close(), time, close, buy, sell, coin, e.tradeCount());
        // an hour candle or longer is an hour bar; a shorter one counts in the minute it opens
        boolean isHourly = e.intervalMicros() >= Micros.PER_HOUR;
        BarSeries s = isHourly ? b.hours : series(b, minute);
        if (s == null || isHourly && Math.floorDiv(minute, 60) < hourCutoff) {
            tooOld += isHourly ? 1 : 0;
            return;
        }
        long slot = slot(s, b, minute);
        s.candle(slot, e.open(), e.high(), e.low(), e.close(), time, close, buy, sell, coin, e.tradeCount());
        BarSeries late = lateOf(b, s);
        if (late != null) { // an hour candle too: the store keeps it as the late part of the hour's first minute
            late.candle(minute, e.open(), e.high(), e.low(), e.close(), time, close, buy, sell, coin, e.tradeCount());
        }
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        long minute = advance(e.exchangeMicros());
        InstrumentBars b = bars(e.instrument());
        b.total.openInterest(0, e.quantity(), e.usd(), e.exchangeMicros());
        BarSeries s = series(b, minute);
        if (s != null) {
            s.openInterest(slot(s, b, minute), e.quantity(), e.usd(), e.exchangeMicros());
            BarSeries late = lateOf(b, s);
            if (late != null) {
                late.openInterest(minute, e.quantity(), e.usd(), e.exchangeMicros());
            }
        }
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        long minute = advance(e.exchangeMicros());
        InstrumentBars b = bars(e.instrument());
        b.total.mark(0, e.markPrice(), e.exchangeMicros());
        BarSeries s = series(b, minute);
        if (s != null) {
            s.mark(slot(s, b, minute), e.markPrice(), e.exchangeMicros());
            BarSeries late = lateOf(b, s);
            if (late != null) {
                late.mark(minute, e.markPrice(), e.exchangeMicros());
            }
        }
    }

    @Override
    public void onFundingRate(FundingRate e) {
        long minute = advance(e.exchangeMicros());
        InstrumentBars b = bars(e.instrument());
        b.total.funding(0, e.rate(), e.exchangeMicros());
        BarSeries s = series(b, minute);
        if (s != null) {
            s.funding(slot(s, b, minute), e.rate(), e.exchangeMicros());
            BarSeries late = lateOf(b, s);
            if (late != null) {
                late.funding(minute, e.rate(), e.exchangeMicros());
            }
        }
    }

    /** The series an event of {@code minute} belongs in: minutes, hours if older, null if too old. */
    private BarSeries series(InstrumentBars b, long minute) {
        if (minute >= minuteCutoff) {
            return b.minutes;
        }
        if (Math.floorDiv(minute, 60) >= hourCutoff) {
            return b.hours;
        }
        tooOld++;
        return null;
    }

    /**
     * Where the store is to learn of an event that went into an hour bar (its minute rolled up already): the
     * instrument's late parts, or null when the bars keep no changes or the event went into a minute.
     */
    private BarSeries lateOf(InstrumentBars b, BarSeries s) {
        if (s != b.hours || !isKeepingChanges) {
            return null;
        }
        if (b.late == null) {
            b.late = new BarSeries();
        }
        b.isLateChanged = true;
        return b.late;
    }

    private static long slot(BarSeries s, InstrumentBars b, long minute) {
        if (s == b.minutes && minute < b.changedFrom) {
            b.changedFrom = minute; // for the store: this minute's bar is to be written again
        }
        return s == b.minutes ? minute : Math.floorDiv(minute, 60);
    }

    /** Moves the clock to the event's time if it is the latest; returns the event's minute. */
    private long advance(long time) {
        events++;
        long minute = Math.floorDiv(time, Micros.PER_MINUTE);
        if (time > lastMicros) {
            lastMicros = time;
            long hour = Math.floorDiv(minute, 60);
            if (hour > lastHour) {
                lastHour = hour;
                evict();
            }
        }
        return minute;
    }

    private void evict() {
        minuteCutoff = lastHour * 60 - minuteRetention;
        hourCutoff = lastHour - hourRetention;
        for (InstrumentBars b : instruments) {
            if (isKeepingChanges && b.changedFrom < minuteCutoff) {
                keepRolled(b);
            }
            b.minutes.rollInto(b.hours, 60, minuteCutoff);
            b.hours.evictBefore(hourCutoff);
            if (b.late != null) {
                b.late.evictBefore(hourCutoff * 60);
            }
        }
    }

    private InstrumentBars bars(Instrument instrument) {
        int key = instrument.key();
        if (key >= byKey.length) {
            byKey = Arrays.copyOf(byKey, Math.max(byKey.length * 2, key + 1));
        }
        InstrumentBars b = byKey[key];
        if (b == null) {
            // a retention's worth of minutes and the hour before eviction; its hours and the one being filled
            b = new InstrumentBars(instrument, (int) Math.min(Integer.MAX_VALUE, minuteRetention + 60),
                    (int) Math.min(Integer.MAX_VALUE, hourRetention + 1));
            byKey[key] = b;
            instruments.add(b);
            byCoin.computeIfAbsent(instrument.coin(), c -> new ArrayList<>(4)).add(b);
        }
        return b;
    }

    /** Adds everything another instance holds (another partition of the same input). */
    public void merge(MarketBars other) {
        for (InstrumentBars o : other.instruments) {
            InstrumentBars b = bars(o.instrument());
            b.total.mergeAll(o.total);
            b.minutes.mergeAll(o.minutes);
            b.hours.mergeAll(o.hours);
        }
        tooOld += other.tooOld;
        events += other.events;
        if (other.lastMicros > lastMicros) {
            lastMicros = other.lastMicros;
            lastHour = Math.max(lastHour, other.lastHour);
        }
        evict();
    }

    // ---- the store ----

    /**
     * Keeps every changed minute for {@link #drainChanged}, including minutes rolled up into hours before it was
     * called (a burst of old events, such as a month of history arriving at start): the store then holds every
     * minute of its period. Off by default, as a replay without a store needs no copies.
     */
    public void keepChanges() {
        isKeepingChanges = true;
    }

    /** Copies the changed minutes about to be rolled up, for the next drain. */
    private void keepRolled(InstrumentBars b) {
        if (b.rolledChanged == null) {
            b.rolledChanged = new BarSeries();
        }
        for (int i = b.minutes.indexAtOrAfter(b.changedFrom); i < b.minutes.size()
                && b.minutes.slot(i) < minuteCutoff; i++) {
            b.rolledChanged.combine(b.minutes.slot(i), b.minutes, i);
        }
        b.changedFrom = minuteCutoff;
    }

    /**
     * Receives a minute bar: its instrument and raw fields (arrays reused between calls). A late part is what
     * reached the minute after it was rolled up into its hour: the minute's row lacks it, the two add up.
     */
    public interface MinuteSink {
        void accept(Instrument instrument, double[] d, long[] t, boolean isLatePart);
    }

    /**
     * Hands every minute bar changed since the last call to {@code sink} (the store keeps them), and starts
     * over. A minute changes again when late events reach it; the store keeps its latest version. Events that
     * came after their minute was rolled up are handed as the minute's late part, whole each time it grows.
     */
    public void drainChanged(MinuteSink sink) {
        double[] d = new double[BarSeries.DOUBLES];
        long[] t = new long[BarSeries.LONGS];
        for (InstrumentBars b : instruments) {
            if (b.rolledChanged != null) {
                for (int i = 0; i < b.rolledChanged.size(); i++) {
                    b.rolledChanged.export(i, d, t);
                    sink.accept(b.instrument(), d, t, false);
                }
                b.rolledChanged = null;
            }
            if (b.isLateChanged) {
                for (int i = 0; i < b.late.size(); i++) {
                    b.late.export(i, d, t);
                    sink.accept(b.instrument(), d, t, true);
                }
                b.isLateChanged = false;
            }
            if (b.changedFrom == Long.MAX_VALUE) {
                continue;
            }
            for (int i = b.minutes.indexAtOrAfter(b.changedFrom); i < b.minutes.size(); i++) {
                b.minutes.export(i, d, t);
                sink.accept(b.instrument(), d, t, false);
            }
            b.changedFrom = Long.MAX_VALUE;
        }
    }

    /**
     * A stored minute bar back into the bars (a restart), as if its events had come again: into the whole-input
     * bar, and into minutes or hours by its age. Not marked changed: the store holds it already. A late part
     * goes into its hour (its minute was rolled up when it came, and the minute's row does not hold it), and
     * is what later late events of that minute add to.
     */
    public void restoreMinute(Instrument instrument, double[] d, long[] t, boolean isLatePart) {
        BarSeries row = BarSeries.ofRow(d, t);
        long minute = t[0];
        long latest = minute * Micros.PER_MINUTE;
        for (int k = 1; k < BarSeries.TRADE_COUNT; k++) { // the times; the count and the ids follow them
            if (t[k] != BarSeries.NONE) {
                latest = Math.max(latest, t[k]);
            }
        }
        advance(latest);
        InstrumentBars b = bars(instrument);
        b.total.combine(0, row, 0);
        if (row.hasTrades(0)) {
            b.restoredTradesUntil = Math.max(b.restoredTradesUntil, row.closeTime(0));
        }
        if (isLatePart) {
            if (Math.floorDiv(minute, 60) < hourCutoff) {
                tooOld++;
                return;
            }
            b.hours.combine(Math.floorDiv(minute, 60), row, 0);
            if (b.late == null) {
                b.late = new BarSeries();
            }
            b.late.combine(minute, row, 0);
            return;
        }
        BarSeries s = series(b, minute);
        if (s != null) {
            long saved = b.changedFrom;
            s.combine(slot(s, b, minute), row, 0);
            b.changedFrom = saved;
        }
    }

    /**
     * Whether a trade is in the bars restored from the store already (at or before the latest trade they hold
     * for its instrument): a replay overlapping what was stored must not count it twice. Trades after it, a live
     * run's after a restart, are new.
     */
    public boolean isRestored(Trade e) {
        InstrumentBars b = of(e.instrument());
        return b != null && e.exchangeMicros() <= b.restoredTradesUntil;
    }

    // ---- read-out ----

    /** Every instrument with bars, in the order first seen. */
    public List<InstrumentBars> instruments() {
        return instruments;
    }

    /** The instruments of one coin with bars, in the order first seen (empty if none). */
    public List<InstrumentBars> instrumentsOf(Coin coin) {
        return byCoin.getOrDefault(coin, List.of());
    }

    /**
     * Every coin with bars, the most traded (USD over the whole input) first; coins without trades (open
     * interest only) follow by name.
     */
    public List<Coin> coinsByVolume() {
        Map<Coin, Double> usd = new HashMap<>();
        byCoin.forEach((coin, group) -> {
            double sum = 0;
            for (InstrumentBars b : group) {
                sum += b.total().isEmpty() ? 0 : b.total().volumeUsd(0);
            }
            usd.put(coin, sum);
        });
        List<Coin> coins = new ArrayList<>(usd.keySet());
        coins.sort(Comparator.comparingDouble((Coin c) -> -usd.get(c)).thenComparing(Coin::name));
        return coins;
    }

    /** The bars of one instrument, or null. */
    public InstrumentBars of(Instrument instrument) {
        int key = instrument.key();
        return key < byKey.length ? byKey[key] : null;
    }

    /** Exchange time of the latest event, or Long.MIN_VALUE before any. */
    public long lastMicros() {
        return lastMicros;
    }

    /** Events fed (trades, candles, open interest, marks, funding). */
    public long events() {
        return events;
    }

    /** Events dropped for being older than the hour retention. */
    public long tooOld() {
        return tooOld;
    }
}
