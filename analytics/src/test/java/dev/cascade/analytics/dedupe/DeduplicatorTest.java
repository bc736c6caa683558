package dev.cascade.analytics.dedupe;

import static dev.cascade.testkit.Events.liquidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");

    @Test
    void shouldCountTheSameLiquidationOnceWhateverItsReceiveTime() {
        LiquidationDeduplicator dedupe = new LiquidationDeduplicator();
        long t = 1_749_132_000_120_000L;
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 0.5, 103_050.5, t))).isTrue();
        var again = new dev.cascade.model.Liquidation().set(btc, Side.LONG, 0.5, 103_050.5, t, t + 9_000_000);
        assertThat(dedupe.isNew(again)).isFalse();
        assertThat(dedupe.isNew(liquidation(btc, Side.SHORT, 0.5, 103_050.5, t))).isTrue();
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 0.5, 103_050.6, t))).isTrue();
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 0.6, 103_050.5, t))).isTrue();
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 0.5, 103_050.5, t + 1))).isTrue();
        assertThat(dedupe.isNew(liquidation(eth, Side.LONG, 0.5, 103_050.5, t))).isTrue();
    }

    @Test
    void shouldDropTheOverlapOfAReconnect() {
        TradeDeduplicator dedupe = new TradeDeduplicator();
        int fresh = 0;
        for (long id = 1000; id < 3000; id++) {
            fresh += dedupe.isNew(btc.id(), id) ? 1 : 0;
        }
        for (long id = 2500; id < 4000; id++) { // the new connection (or a REST backfill) repeats 500 ids
            fresh += dedupe.isNew(btc.id(), id) ? 1 : 0;
        }
        assertThat(fresh).isEqualTo(3000);
    }

    @Test
    void shouldDedupeInterleavedAndShuffledIds() {
        TradeDeduplicator dedupe = new TradeDeduplicator();
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            ids.add(1_715_206_948L + i);      // two runs interleaved, as in monthly aggTrades files
            ids.add(1_750_606_761L + i);
        }
        List<Long> withRepeats = new ArrayList<>(ids);
        withRepeats.addAll(ids.subList(3000, 6000));
        Collections.shuffle(withRepeats.subList(0, 10_000), new Random(3));
        int fresh = 0;
        for (long id : withRepeats) {
            fresh += dedupe.isNew(eth.id(), id) ? 1 : 0;
        }
        assertThat(fresh).isEqualTo(10_000);
    }

    @Test
    void shouldKeepInstrumentsApart() {
        TradeDeduplicator dedupe = new TradeDeduplicator();
        assertThat(dedupe.isNew(btc.id(), 42)).isTrue();
        assertThat(dedupe.isNew(eth.id(), 42)).isTrue();
        assertThat(dedupe.isNew(btc.id(), 42)).isFalse();
        assertThat(dedupe.isNew(btc.id(), 41)).isTrue();
        assertThat(dedupe.isNew(btc.id(), 41)).isFalse();
    }

    @Test
    void shouldKeepRecognisingRecentIdsAsAnInstrumentsBufferGrows() {
        TradeDeduplicator dedupe = new TradeDeduplicator(16);
        for (long id = 1; id <= 3_000; id++) {
            assertThat(dedupe.isNew(7, id)).isTrue();
            if (id % 10 == 0) {
                assertThat(dedupe.isNew(7, id - 5)).isFalse(); // within the buffer, whatever its size so far
            }
        }
        assertThat(dedupe.isNew(7, 3_000 - TradeDeduplicator.RECENT + 1)).isFalse(); // the oldest kept
        assertThat(dedupe.isNew(8, 1)).isTrue(); // another instrument's ids are its own
    }

    @Test
    void shouldKeepEachInstrumentsLiquidationsWhateverTheOthersDo() {
        LiquidationDeduplicator dedupe = new LiquidationDeduplicator();
        long t = 1_749_132_000_000_000L;
        var quiet = liquidation(eth, Side.SHORT, 3, 2_500, t);
        assertThat(dedupe.isNew(quiet)).isTrue();
        for (int i = 0; i < 10 * LiquidationDeduplicator.RECENT; i++) {
            assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 1, 100_000 + i, t + i))).isTrue();
        }
        assertThat(dedupe.isNew(quiet)).as("a busy coin never pushes a quiet one's out").isFalse();
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 1, 100_000 + 9 * LiquidationDeduplicator.RECENT, t + 9 * LiquidationDeduplicator.RECENT)))
                .as("within BTC's own last RECENT").isFalse();
        assertThat(dedupe.isNew(liquidation(btc, Side.LONG, 1, 100_000, t))).as("beyond BTC's own horizon").isTrue();
    }
}
