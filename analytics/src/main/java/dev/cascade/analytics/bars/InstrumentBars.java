package dev.cascade.analytics.bars;

import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;

/**
 * One instrument's bars: the whole input as one bar, minute bars for the recent past, and hour bars (older
 * minutes are rolled up into them). {@link #hours()} joins both, so an hour is whole wherever its minutes are.
 */
public final class InstrumentBars {
    private final Instrument instrument;
    final BarSeries total = new BarSeries(1);
    final BarSeries minutes = new BarSeries();
    final BarSeries hours = new BarSeries();
    /** The earliest minute changed since the bars were last handed to the store ({@link MarketBars#drainChanged}). */
    long changedFrom = Long.MAX_VALUE;
    /**
     * Changed minutes that were rolled up into hours before the store was handed them (null unless the bars keep
     * changes, {@link MarketBars#keepChanges}): handed over by the next {@link MarketBars#drainChanged}.
     */
    BarSeries rolledChanged;
    /**
     * Late parts, for the store (null until one comes): per minute, the events that reached it after it was
     * rolled up into its hour (a venue lagging behind the others, history arriving late). The minute's stored
     * row lacks them; a restart adds the two.
     */
    BarSeries late;
    boolean isLateChanged;
    /** The latest trade in the bars restored from the store: trades up to it are in them already. */
    long restoredTradesUntil = Long.MIN_VALUE;

    /** {@code minuteRows} and {@code hourRows}: what the retention keeps of each, at most. */
    InstrumentBars(Instrument instrument, int minuteRows, int hourRows) {
        this.instrument = instrument;
        minutes.growUpTo(minuteRows);
        hours.growUpTo(hourRows);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Everything fed, as one bar (slot 0), or an empty series. */
    public BarSeries total() {
        return total;
    }

    /** Minute bars (slot = epoch minute) within the minute retention. A live view: do not keep across events. */
    public BarSeries minutes() {
        return minutes;
    }

    /** Hour bars (slot = epoch hour) within the hour retention, recent hours made from their minutes. A copy. */
    public BarSeries hours() {
        BarSeries h = hours.copy();
        for (int j = 0; j < minutes.size(); j++) {
            h.combine(Math.floorDiv(minutes.slot(j), 60), minutes, j);
        }
        return h;
    }

    /**
     * Everything between {@code fromMicros} and {@code toMicros} (inclusive, whole minutes) as one bar (slot 0),
     * or an empty series. Where minutes have been rolled up, the hours that overlap the window count whole.
     */
    public BarSeries window(long fromMicros, long toMicros) {
        long fromMinute = Math.floorDiv(fromMicros, Micros.PER_MINUTE);
        long toMinute = Math.floorDiv(toMicros, Micros.PER_MINUTE);
        BarSeries out = new BarSeries(1);
        for (int j = hours.indexAtOrAfter(Math.floorDiv(fromMinute, 60)); j < hours.size()
                && hours.slot(j) <= Math.floorDiv(toMinute, 60); j++) {
            out.combine(0, hours, j);
        }
        for (int j = minutes.indexAtOrAfter(fromMinute); j < minutes.size() && minutes.slot(j) <= toMinute; j++) {
            out.combine(0, minutes, j);
        }
        return out;
    }

    /**
     * The latest open interest at or before {@code micros} in USD (see {@link #openInterestUsd}), NaN if none is
     * known. Looks through minutes, then hours.
     */
    public double openInterestUsdAt(long micros) {
        long minute = Math.floorDiv(micros, Micros.PER_MINUTE);
        for (int j = Math.min(minutes.size(), minutes.indexAtOrAfter(minute + 1)) - 1; j >= 0; j--) {
            if (minutes.openInterestTime(j) != BarSeries.NONE && minutes.openInterestTime(j) <= micros) {
                return openInterestUsd(minutes, j);
            }
        }
        for (int j = Math.min(hours.size(), hours.indexAtOrAfter(Math.floorDiv(minute, 60) + 1)) - 1; j >= 0; j--) {
            if (hours.openInterestTime(j) != BarSeries.NONE && hours.openInterestTime(j) <= micros) {
                return openInterestUsd(hours, j);
            }
        }
        return Double.NaN;
    }

    /**
     * The USD value of bar {@code i}'s open interest: the venue's own figure, else the contracts valued (inverse:
     * as they are; linear: at the bar's mark or close); NaN when that cannot be known.
     */
    public double openInterestUsd(BarSeries bars, int i) {
        double usd = bars.openInterestUsd(i);
        if (!Double.isNaN(usd) || Double.isNaN(bars.openInterest(i))) {
            return usd;
        }
        if (instrument.isInverse()) {
            return instrument.notionalUsd(bars.openInterest(i), Double.NaN); // contracts are USD already
        }
        double price = !Double.isNaN(bars.mark(i)) ? bars.mark(i) : bars.close(i);
        return Double.isNaN(price) ? Double.NaN : instrument.notionalUsd(bars.openInterest(i), price);
    }
}
