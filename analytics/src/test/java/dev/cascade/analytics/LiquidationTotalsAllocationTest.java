package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Style rule 4: counting a liquidation allocates nothing once its minute series exist. */
class LiquidationTotalsAllocationTest {

    @Test
    void shouldAllocateNothingPerLiquidationInSteadyState() {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        Instrument eth = events.inverse(Venue.BINANCE_COINM, "ETHUSD_PERP", "ETH", 10);
        Liquidation l = new Liquidation();
        LiquidationTotals totals = new LiquidationTotals();
        long t0 = 1_749_132_000_000_000L;
        for (int i = 0; i < 20_000; i++) { // create the series and their capacity: 600 minutes
            totals.add(l.set(i % 2 == 0 ? btc : eth, i % 3 == 0 ? Side.SHORT : Side.LONG, 1, 100, t0 + i * 1_800_000L,
                    t0));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 200_000; i++) { // the same 600 minutes again
            totals.add(l.set(i % 2 == 0 ? btc : eth, i % 3 == 0 ? Side.SHORT : Side.LONG, 1, 100,
                    t0 + (i % 20_000) * 1_800_000L, t0));
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(totals.count()).isEqualTo(220_000);
        assertThat(totals.window(t0 + 600 * Micros.PER_MINUTE, Micros.PER_DAY).total().count()).isEqualTo(220_000);
        assertThat(allocated).as("bytes allocated by 200,000 adds").isLessThan(1024);
    }
}
