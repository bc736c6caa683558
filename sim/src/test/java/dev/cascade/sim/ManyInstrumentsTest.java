package dev.cascade.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A market of every perpetual of every venue, made up, and the trade histories sized for it. */
class ManyInstrumentsTest {
    @Test
    void shouldListTheScriptedInstrumentsThenMadeUpCoinsOnEveryVenue() {
        SimMarket market = new SimMarket(0, 5, 1200);
        List<SimInstrument> all = market.instruments();
        assertThat(all).hasSize(1200).doesNotHaveDuplicates();
        assertThat(all.subList(0, SimMarket.INSTRUMENTS.size())).isEqualTo(SimMarket.INSTRUMENTS);
        Set<Venue> venues = SimMarket.INSTRUMENTS.stream().map(SimInstrument::venue).collect(Collectors.toSet());
        assertThat(all.stream().filter(i -> i.coin().equals("QAAA")).map(SimInstrument::venue)).hasSameElementsAs(venues);
        // each venue's symbol convention, with the coin replaced
        assertThat(all).extracting(SimInstrument::symbol).contains("QAAAUSDT", "QAAAUSD_PERP", "PI_QAAAUSD",
                "tQAAAF0:USTF0", "QAAA-USDT-SWAP", "QAAA_USDT", "QAAA-PERPETUAL");
        assertThat(all.stream().map(i -> i.venue() + ":" + i.symbol()).distinct()).hasSize(1200);
        // the long tail trades less; the scripted instruments as before
        SimInstrument first = all.get(SimMarket.INSTRUMENTS.size());
        assertThat(market.activity(SimMarket.INSTRUMENTS.get(0))).isEqualTo(1);
        assertThat(market.activity(first)).isEqualTo(0.5);
        assertThat(market.activity(all.get(1199))).isLessThan(0.02);
        assertThat(all).allSatisfy(i -> assertThat(i.startPrice()).isBetween(0.01, 200_000.0));
        assertThat(new SimMarket(0, 5, 0).instruments()).isEqualTo(SimMarket.INSTRUMENTS);
    }

    @Test
    void shouldGrowATradeHistoryUpToItsCapacityKeepingEveryTrade() {
        TradeHistory h = new TradeHistory(4096, 100);
        for (int k = 0; k < 3000; k++) {
            h.add(k, 1, k, false);
        }
        assertThat(h.from(100, 5000)).hasSize(3000);
        assertThat(h.from(100, 1).get(0).price()).isEqualTo(0);
        assertThat(h.olderThan(3100, 1).get(0).price()).isEqualTo(2999);
        for (int k = 3000; k < 5000; k++) {
            h.add(k, 1, k, false);
        }
        List<TradeHistory.Row> kept = h.from(0, 10_000);
        assertThat(kept).hasSize(4096); // the oldest gone once full
        assertThat(kept.get(0).id()).isEqualTo(100 + 5000 - 4096);
        assertThat(kept.get(0).price()).isEqualTo(5000 - 4096);
        assertThat(kept.get(4095).price()).isEqualTo(4999);
    }
}
