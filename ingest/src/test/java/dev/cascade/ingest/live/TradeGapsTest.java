package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Instrument;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeGapsTest {
    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument okx = events.linear(Venue.OKX_SWAP, "BTC-USDT-SWAP", "BTC");
    private final Instrument bybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");
    private final FeedStats stats = new FeedStats();
    private final CapturingListener out = new CapturingListener();
    private final List<long[]> asked = new ArrayList<>();

    /** A venue that has every id: fills any range completely. */
    private final TradeGaps.Backfill complete = (instrument, from, to, sink) -> {
        asked.add(new long[] {from, to});
        for (long id = from; id <= to; id++) {
            sink.onTrade(new Trade().set(instrument, TakerSide.BUY, 1, 100, id, 1_749_132_000_000_000L + id, 0));
        }
        return to - from + 1;
    };

    private TradeGaps gaps;

    private void trade(Instrument i, long id, long firstId) {
        gaps.onTrade(new Trade().set(i, TakerSide.SELL, 1, 100, id, firstId, 1_749_132_000_000_000L + id, 0));
    }

    @Test
    void shouldFillABinanceGapInOrderBeforeTheTradeThatRevealedIt() {
        gaps = new TradeGaps(out, complete, stats);
        trade(btc, 100, 100);
        trade(btc, 101, 101);
        trade(btc, 105, 105);
        trade(btc, 103, 103); // late or repeated: passed on to the deduplicator
        assertThat(out.trades).extracting(Trade::id).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 103L);
        assertThat(asked).containsExactly(new long[] {102, 104});
        assertThat(stats.of(Venue.BINANCE_USDM).gapsFound.get()).isEqualTo(1);
        assertThat(stats.of(Venue.BINANCE_USDM).gapsFilled.get()).isEqualTo(1);
        assertThat(stats.of(Venue.BINANCE_USDM).tradesBackfilled.get()).isEqualTo(3);
    }

    @Test
    void shouldCountWhatTheVenueNoLongerHas() {
        gaps = new TradeGaps(out, (instrument, from, to, sink) -> 1, stats);
        trade(btc, 10, 10);
        trade(btc, 20, 20);
        assertThat(stats.of(Venue.BINANCE_USDM).gapsUnfillable.get()).isEqualTo(1);
        assertThat(stats.of(Venue.BINANCE_USDM).tradesMissing.get()).isEqualTo(8);
    }

    @Test
    void shouldNotAskForAnOutageTooLongToBackfill() {
        gaps = new TradeGaps(out, complete, stats);
        trade(btc, 1, 1);
        trade(btc, 3 + TradeGaps.MAX_BACKFILL, 3 + TradeGaps.MAX_BACKFILL); // one more missing than it will fetch
        assertThat(asked).isEmpty();
        assertThat(stats.of(Venue.BINANCE_USDM).tradesMissing.get()).isEqualTo(TradeGaps.MAX_BACKFILL + 1);
    }

    @Test
    void shouldFillOkxGapsFromAggregatedIdsAndIgnoreBybit() {
        gaps = new TradeGaps(out, complete, stats);
        trade(okx, 1002, 1000); // covers 1000..1002
        trade(okx, 1005, 1003); // continues
        trade(okx, 1010, 1008); // 1006..1007 missing: fetched by trade id, as Binance's are
        trade(bybit, 5, 5);
        trade(bybit, 99, 99);
        assertThat(stats.of(Venue.OKX_SWAP).gapsFound.get()).isEqualTo(1);
        assertThat(stats.of(Venue.OKX_SWAP).gapsFilled.get()).isEqualTo(1);
        assertThat(stats.of(Venue.OKX_SWAP).tradesMissing.get()).isZero();
        assertThat(stats.of(Venue.BYBIT_LINEAR).gapsFound.get()).isZero();
        assertThat(asked).containsExactly(new long[] {1006, 1007});
        assertThat(out.trades).extracting(Trade::id).containsExactly(1002L, 1005L, 1006L, 1007L, 1010L, 5L, 99L);
    }
}
