package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.Endpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generic paging loop over the simulator, by each venue's declared rule: OKX's history-trades walked down by
 * trade id a page of 100 at a time, Binance's aggTrades walked up from the first missing id.
 */
class RestBackfillTest {
    private static final String SWAP = "BTC-USDT-SWAP";

    private Simulator sim;
    private final VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
    private final List<String> recorded = new ArrayList<>();
    private RestBackfill backfill;

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(SimConfig.defaults().withRates(400, 20));
        RestClient rest = RestClient.standard(HttpClient.newHttpClient());
        byte[] instruments = rest.get(URI.create(sim.uri() + "/okx/api/v5/public/instruments?instType=SWAP")).body();
        decoders.loadMetadata("/api/v5/public/instruments?instType=SWAP", instruments, 0, instruments.length);
        byte[] exchangeInfo = rest.get(URI.create(sim.uri() + "/binance-usdm/fapi/v1/exchangeInfo")).body();
        decoders.loadMetadata("/fapi/v1/exchangeInfo", exchangeInfo, 0, exchangeInfo.length);
        byte[] deribit = rest.get(URI.create(sim.uri() + "/deribit/api/v2/public/get_instruments?currency=any&kind=future")).body();
        decoders.loadMetadata("/api/v2/public/get_instruments?currency=any&kind=future", deribit, 0, deribit.length);
        RestRecorder recorder = new RestRecorder() {
            @Override
            public void metadata(Venue venue, String path, long receiveMicros, byte[] body) {
            }

            @Override
            public void rest(Venue venue, String path, long receiveMicros, byte[] body) {
                recorded.add(venue.id() + " " + path);
            }
        };
        backfill = new RestBackfill(rest, Endpoints.simulator(sim.uri()), decoders, recorder);
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    /** The first trade id the simulator has published for the swap, once at least {@code n} were. */
    private long awaitTrades(int n) throws InterruptedException {
        return awaitTrades(Venue.OKX_SWAP, SWAP, n);
    }

    private long awaitTrades(Venue venue, String symbol, int n) throws InterruptedException {
        while (true) {
            long[] ids = sim.aggTradeIds(venue, symbol);
            if (ids[1] - ids[0] >= n) {
                return ids[0];
            }
            Thread.sleep(20); // waits on the condition above; the test's timeout bounds it
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFillAGapInIdOrderFromPagesWalkedDownFromTheTradeThatRevealedIt() throws Exception {
        long first = awaitTrades(300);
        Instrument swap = decoders.instruments().find(Venue.OKX_SWAP.exchange(), SWAP);
        CapturingListener out = new CapturingListener();

        long delivered = backfill.fill(swap, first + 10, first + 259, out);

        assertThat(delivered).isEqualTo(250);
        assertThat(out.trades).extracting(Trade::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(first + 10, first + 259).boxed().toList());
        assertThat(out.trades).allSatisfy(t -> {
            assertThat(t.instrument()).isSameAs(swap);
            assertThat(t.firstId()).isEqualTo(t.id()); // one fill a row
            assertThat(t.price()).isBetween(90_000.0, 110_000.0);
            assertThat(t.usd()).isEqualTo(t.quantity() * 0.01 * t.price());
            assertThat(t.takerSide()).isIn(TakerSide.BUY, TakerSide.SELL);
        });
        // newest first, 100 a page, and never below the gap: a recorded page holds nothing the run had already
        assertThat(recorded).containsExactly(
                "okx-swap /api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=" + (first + 260) + "&limit=100",
                "okx-swap /api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=" + (first + 160) + "&limit=100",
                "okx-swap /api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=" + (first + 60) + "&limit=50");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldDeliverOnlyWhatTheVenueStillHas() throws Exception {
        long first = awaitTrades(20);
        Instrument swap = decoders.instruments().find(Venue.OKX_SWAP.exchange(), SWAP);
        CapturingListener out = new CapturingListener();

        long delivered = backfill.fill(swap, first - 30, first + 4, out); // 30 ids from before the venue's history

        assertThat(delivered).isEqualTo(5);
        assertThat(out.trades).extracting(Trade::id).containsExactly(first, first + 1, first + 2, first + 3, first + 4);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFillABinanceGapWalkingUpFromTheFirstMissingId() throws Exception {
        long first = awaitTrades(Venue.BINANCE_USDM, "BTCUSDT", 60);
        Instrument btc = decoders.instruments().find(Venue.BINANCE_USDM.exchange(), "BTCUSDT");
        CapturingListener out = new CapturingListener();

        long delivered = backfill.fill(btc, first + 5, first + 44, out);

        assertThat(delivered).isEqualTo(40);
        assertThat(out.trades).extracting(Trade::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(first + 5, first + 44).boxed().toList());
        assertThat(out.trades).allSatisfy(t -> assertThat(t.instrument()).isSameAs(btc));
        assertThat(recorded).containsExactly("binance-usdm /fapi/v1/aggTrades?symbol=BTCUSDT&fromId=" + (first + 5) + "&limit=40");
    }

    @Test
    void shouldAskNothingOfAVenueWithoutABackfillRule() throws Exception {
        Instrument bybit = decoders.instruments().resolve(Venue.BYBIT_LINEAR, "BTCUSDT".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                0, 7, dev.cascade.venues.bybit.BybitSymbols.INSTANCE);
        assertThat(backfill.fill(bybit, 1, 10, new CapturingListener())).isZero();
        assertThat(recorded).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFillADeribitGapBySequenceWithTheLiquidationsItsTradesCarried() throws Exception {
        long first = awaitTrades(Venue.DERIBIT, "BTC-PERPETUAL", 1200);
        Instrument perpetual = decoders.instruments().find(Venue.DERIBIT.exchange(), "BTC-PERPETUAL");
        CapturingListener out = new CapturingListener();

        long delivered = backfill.fill(perpetual, first, first + 1099, out);

        assertThat(delivered).isEqualTo(1100);
        assertThat(out.trades).extracting(Trade::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(first, first + 1099).boxed().toList());
        assertThat(recorded).containsExactly(
                "deribit /api/v2/public/get_last_trades_by_instrument?instrument_name=BTC-PERPETUAL&start_seq=" + first
                        + "&count=1000&sorting=asc",
                "deribit /api/v2/public/get_last_trades_by_instrument?instrument_name=BTC-PERPETUAL&start_seq=" + (first + 1000)
                        + "&count=100&sorting=asc");
        assertThat(out.liquidations).as("flagged trades in the gap").isNotEmpty();
        assertThat(out.liquidations).allSatisfy(l -> assertThat(out.trades)
                .anyMatch(t -> t.exchangeMicros() == l.exchangeMicros() && t.price() == l.price() && t.quantity() == l.quantity()));
    }
}
