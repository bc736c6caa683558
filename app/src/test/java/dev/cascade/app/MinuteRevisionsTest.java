package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Micros;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The job emits a minute again, whole, for each late event; restoring every version must leave the bar a single
 * count of the minute would give, not the sum of the versions.
 */
class MinuteRevisionsTest {
    private static final long MINUTE = 29_000_000L * Micros.PER_MINUTE;
    private final Instrument btc = new InstrumentRegistry().define(InstrumentSpec.linear(Venue.BINANCE_USDM, "BTCUSDT",
            Coin.of("BTC")));

    private Trade trade(long micros, TakerSide side, double price, double quantity, long id) {
        return new Trade().set(btc, side, quantity, price, id, id, micros, micros);
    }

    /** The minute's bar as the job's window exports it after {@code trades}. */
    private long[][] row(double[] d, Trade... trades) {
        MarketBars bars = new MarketBars();
        for (Trade t : trades) {
            bars.onTrade(t);
        }
        long[] t = new long[BarSeries.LONGS];
        bars.instruments().get(0).minutes().export(0, d, t);
        return new long[][] {t};
    }

    @Test
    void shouldRestoreALaterVersionAsItsDifferenceAndSkipAnEarlierOne() {
        Trade a = trade(MINUTE + 1_000_000, TakerSide.BUY, 100, 2, 1);
        Trade b = trade(MINUTE + 5_000_000, TakerSide.SELL, 101, 1, 2);
        Trade late = trade(MINUTE + 59_000_000, TakerSide.BUY, 99, 3, 3);
        MinuteRevisions revisions = new MinuteRevisions(Duration.ofHours(1).toNanos() / 1000);
        MarketState served = new MarketState(MarketState.Retention.LIVE);
        MarketState counted = new MarketState(MarketState.Retention.LIVE);
        for (Trade t : new Trade[] {a, b, late}) {
            counted.onTrade(t);
        }

        double[] d0 = new double[BarSeries.DOUBLES];
        long[] t0 = row(d0, a, b)[0];
        assertThat(revisions.admit(0, "k", MINUTE, 0, d0, t0)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        served.restoreMinute(btc, d0, t0, false);
        double[] d1 = new double[BarSeries.DOUBLES];
        long[] t1 = row(d1, a, b, late)[0];
        assertThat(revisions.admit(0, "k", MINUTE, 1, d1, t1)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        assertThat(t1[BarSeries.TRADE_COUNT]).as("only the late trade is new").isEqualTo(1);
        served.restoreMinute(btc, d1, t1, false);
        double[] again = new double[BarSeries.DOUBLES];
        long[] tAgain = row(again, a, b)[0];
        assertThat(revisions.admit(0, "k", MINUTE, 0, again, tAgain)).isEqualTo(MinuteRevisions.Verdict.STALE);

        BarSeries expected = counted.bars().instruments().get(0).minutes();
        BarSeries actual = served.bars().instruments().get(0).minutes();
        assertThat(actual.trades(0)).isEqualTo(3);
        assertThat(actual.buyUsd(0)).isCloseTo(expected.buyUsd(0), within(1e-9));
        assertThat(actual.sellUsd(0)).isCloseTo(expected.sellUsd(0), within(1e-9));
        assertThat(actual.volumeCoin(0)).isCloseTo(6, within(1e-12));
        assertThat(actual.open(0)).isEqualTo(100);
        assertThat(actual.close(0)).isEqualTo(99);
        assertThat(actual.low(0)).isEqualTo(99);
        assertThat(actual.high(0)).isEqualTo(101);
        assertThat(served.counts().trades()).isEqualTo(3);
    }

    @Test
    void shouldRefuseALaterVersionOfAMinuteForgottenPastTheHorizon() {
        MinuteRevisions revisions = new MinuteRevisions(Duration.ofHours(1).toNanos() / 1000);
        double[] d = new double[BarSeries.DOUBLES];
        long[] t = row(d, trade(MINUTE + 1, TakerSide.BUY, 100, 1, 1))[0];
        assertThat(revisions.admit(3, "old", MINUTE, 0, d, t)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        long later = MINUTE + 2 * Micros.PER_HOUR;
        double[] d2 = new double[BarSeries.DOUBLES];
        long[] t2 = row(d2, trade(later + 1, TakerSide.BUY, 100, 1, 2))[0];
        assertThat(revisions.admit(3, "new", later, 0, d2, t2)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        assertThat(revisions.remembered()).as("the old minute is forgotten").isEqualTo(1);
        assertThat(revisions.admit(3, "old", MINUTE, 1, d.clone(), t.clone())).isEqualTo(MinuteRevisions.Verdict.TOO_LATE);
        // another partition keeps its own time: far behind is not late there
        assertThat(revisions.admit(4, "old-elsewhere", MINUTE, 1, d.clone(), t.clone()))
                .isEqualTo(MinuteRevisions.Verdict.RESTORE);
    }

    @Test
    void shouldTakeALaterVersionOnAnAddedPartitionAsItsDifference() {
        // partitions added to the results topic move a minute's key: its next version comes on another partition
        Trade a = trade(MINUTE + 1_000_000, TakerSide.BUY, 100, 2, 1);
        Trade late = trade(MINUTE + 59_000_000, TakerSide.SELL, 99, 3, 2);
        MinuteRevisions revisions = new MinuteRevisions(Duration.ofHours(1).toNanos() / 1000);
        double[] d0 = new double[BarSeries.DOUBLES];
        long[] t0 = row(d0, a)[0];
        assertThat(revisions.admit(0, "k", MINUTE, 0, d0, t0)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        double[] d1 = new double[BarSeries.DOUBLES];
        long[] t1 = row(d1, a, late)[0];
        assertThat(revisions.admit(5, "k", MINUTE, 1, d1, t1)).isEqualTo(MinuteRevisions.Verdict.RESTORE);
        assertThat(t1[BarSeries.TRADE_COUNT]).as("only the late trade is new").isEqualTo(1);
        assertThat(revisions.admit(0, "k", MINUTE, 1, d1.clone(), t1.clone())).isEqualTo(MinuteRevisions.Verdict.STALE);
        assertThat(revisions.remembered()).isEqualTo(1);
    }

    @Test
    void shouldAddALateEventToItsMinuteAsTheStoreAddsALatePart() {
        // the job's minute without the late trade, and a later minute, restored; then the late trade from the late topic
        Trade a = trade(MINUTE + 1_000_000, TakerSide.BUY, 100, 2, 1);
        Trade b = trade(MINUTE + 5_000_000, TakerSide.SELL, 101, 1, 2);
        Trade later = trade(MINUTE + 15 * Micros.PER_MINUTE, TakerSide.SELL, 102, 1, 4);
        Trade late = trade(MINUTE + 59_000_000, TakerSide.BUY, 99, 3, 3);
        MarketState counted = new MarketState(MarketState.Retention.LIVE);
        for (Trade t : new Trade[] {a, b, later, late}) {
            counted.onTrade(t);
        }
        MarketState served = new MarketState(MarketState.Retention.LIVE);
        double[] d = new double[BarSeries.DOUBLES];
        served.restoreMinute(btc, d, row(d, a, b)[0], false);
        served.restoreMinute(btc, d, row(d, later)[0], false);
        served.onTrade(late);
        assertThat(served.counts().trades()).as("onTrade skips what is older than the restored bars").isEqualTo(3);
        LateParts parts = new LateParts(served);
        parts.onTrade(late);

        assertThat(parts.applied()).isEqualTo(1);
        BarSeries expected = counted.bars().instruments().get(0).minutes();
        BarSeries actual = served.bars().instruments().get(0).minutes();
        assertThat(actual.trades(0)).isEqualTo(3);
        assertThat(actual.isSameAs(expected)).as("both minutes as one count of all four trades").isTrue();
        assertThat(served.counts().trades()).isEqualTo(4);
    }
}
