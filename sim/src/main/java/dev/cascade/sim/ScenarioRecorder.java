package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Venue;
import dev.cascade.sim.model.MarketModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Runs a {@link Scenario} through the {@link MarketModel} as fast as the machine allows, without sockets, and
 * writes what the venues would have sent as a Cascade recording: REST metadata first, the month's Binance taker
 * history, then every frame in its venue's wire format and publication rule. Binance and OKX push only the latest
 * liquidation of each symbol's second; Bybit pushes all of them in 500 ms batches. Times come from the scenario,
 * randomness from its seed: the same scenario gives the same bytes.
 */
public final class ScenarioRecorder {
    private static final long STEP = 500;

    /** Where the scenario's frames and documents go: a recording file, or a simulator that publishes them. */
    interface Out {
        /** A frame for subscribers of {@code topic}; Binance payloads are not yet wrapped in their stream. */
        void frame(long millis, Venue venue, String topic, String payload, boolean isAggTrade);

        /** A REST answer: {@code kind} is "metadata", "global", "markets" or "fng". */
        void document(long millis, String source, String path, String kind, String json);
    }

    private final Scenario scenario;
    private final Out out;
    private final SplittableRandom random;
    private final Map<String, SimInstrument> instruments = new LinkedHashMap<>();
    private final Map<String, long[]> ids = new HashMap<>();
    private final Map<String, Pending> latest = new HashMap<>();
    private final Map<String, List<BybitWire.Liquidation>> bybitBatches = new LinkedHashMap<>();
    private final Map<String, List<BybitWire.Trade>> bybitTrades = new LinkedHashMap<>();
    private long frames;
    private long liquidatedLastDay;

    private record Pending(SimInstrument instrument, boolean isLong, double contracts, double price, long millis) {
    }

    ScenarioRecorder(Scenario scenario, Out out) {
        this.scenario = scenario;
        this.out = out;
        this.random = new SplittableRandom(scenario.seed() ^ 0x7EC0);
        for (Scenario.CoinScenario c : scenario.coins()) {
            String coin = c.setup().coin();
            double p = c.setup().anchor().at(0);
            add(new SimInstrument(Venue.BINANCE_USDM, coin + "USDT", coin, false, 1, p));
            add(new SimInstrument(Venue.BYBIT_LINEAR, coin + "USDT", coin, false, 1, p));
            add(new SimInstrument(Venue.OKX_SWAP, coin + "-USDT-SWAP", coin, false, c.okxContract(), p));
        }
        for (Scenario.Whale w : scenario.whales()) {
            Venue v = Venue.byId(w.venue());
            add(new SimInstrument(v, w.symbol(), w.coin(), v == Venue.BYBIT_INVERSE || v == Venue.BINANCE_COINM,
                    1, w.liquidationPrice()));
        }
    }

    private void add(SimInstrument i) {
        instruments.put(i.venue().id() + " " + i.coin(), i);
    }

    /**
     * What a recording holds: frames written, and the positions the market model liquidated in its last 24 hours,
     * the truth behind what the venues published (Binance and OKX a part of it).
     */
    public record Result(long frames, long positionsLiquidatedLastDay) {
    }

    /** Writes the recording of {@code scenario} to {@code file} (gzip when it ends in .gz). */
    public static Result record(Scenario scenario, Path file) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(file.toString().endsWith(".gz")
                ? new CompressingOutput(Files.newOutputStream(file)) : Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            ScenarioRecorder r = new ScenarioRecorder(scenario, new FileOut(w));
            r.run();
            return new Result(r.frames, r.liquidatedLastDay);
        }
    }

    /** The scenario's instruments, as the venues' REST endpoints list them. */
    List<SimInstrument> instruments() {
        return List.copyOf(instruments.values());
    }

    /** Writes Cascade recording lines. */
    private static final class FileOut implements Out {
        private final Writer w;

        FileOut(Writer w) {
            this.w = w;
        }

        @Override
        public void frame(long millis, Venue venue, String topic, String payload, boolean isAggTrade) {
            String json = SimWires.of(venue).recorded(topic, payload);
            write("{\"ts\":" + millis * 1000 + ",\"venue\":\"" + venue.id() + "\",\"frame\":" + json + "}");
        }

        @Override
        public void document(long millis, String source, String path, String kind, String json) {
            write("{\"ts\":" + millis * 1000 + ",\"venue\":\"" + source + "\",\"rest\":\"" + path + "\",\"frame\":"
                    + json + "}");
        }

        private void write(String line) {
            try {
                w.write(line);
                w.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    void run() {
        long start = scenario.startMillis();
        long first = scenario.history().isEmpty() ? start : scenario.history().get(0).startMillis();
        metadata(first - 2_000);
        history();
        MarketModel model = new MarketModel(scenario.seed(), start, scenario.coins().stream().map(Scenario.CoinScenario::setup)
                .toList(), scenario.crowd());
        for (Scenario.Whale w : scenario.whales()) {
            model.place(w.coin(), Venue.byId(w.venue()), w.isLong(), w.usd() / w.liquidationPrice(), w.liquidationPrice());
        }
        overview(start, "dayBefore", start - 86_400_000L + 300_000);
        JsonNode fng = scenario.overview().path("fng");
        if (!fng.isMissingNode()) {
            line(start + 60_000, "alternative.me", "/fng/?limit=2", "fng", fng.toString());
        }
        long end = start + scenario.hours() * 3_600_000L;
        long dayBefore = end - 86_400_000L;
        Map<String, Double> thin = new HashMap<>();
        scenario.coins().forEach(c -> thin.put(c.setup().coin(), c.dayBeforeVolumeRatio()));
        MarketModel.Output output = new MarketModel.Output() {
            @Override
            public void trade(String coin, Venue venue, boolean isBuy, double quantity, double price, long millis) {
                if (millis < dayBefore && random.nextDouble() > thin.get(coin)) {
                    return; // the day before was quieter
                }
                writeTrade(instrument(venue, coin), isBuy, quantity, price, millis);
            }

            @Override
            public void liquidation(String coin, Venue venue, boolean isLong, double quantity, double price, long millis) {
                if (millis >= dayBefore) {
                    liquidatedLastDay++;
                }
                writeLiquidation(instrument(venue, coin), isLong, quantity, price, millis);
            }

            @Override
            public void openInterest(String coin, Venue venue, double quantity, double price, long millis) {
                writeOpenInterest(instrument(venue, coin), quantity, price, model.fundingRate(coin), millis);
            }
        };
        for (long t = start + STEP; t <= end; t += STEP) {
            double hour = (t - start) / 3_600_000.0;
            for (Scenario.Inflow f : scenario.inflows()) {
                if (Math.abs(hour - f.fromHour()) < 1e-9) {
                    model.boostOpenings(f.coin(), f.factor());
                } else if (Math.abs(hour - f.toHour()) < 1e-9) {
                    model.boostOpenings(f.coin(), 1);
                }
            }
            model.step(t, STEP, output);
            flushBybit(t);
            if (t % 1_000 == 0) {
                flushLatest();
            }
            if (t % 60_000 == 0) {
                // the day's last snapshot inside the day: stamped at its end it would open a minute of the next day,
                // and a 24h window ending there would leave out the day's first minute (that a day's report counts)
                long at = t == end ? end - 1 : t;
                model.openInterest(at, output);
                marks(model, at);
            }
            if (t == dayBefore + 300_000) {
                overview(t, "start", t);
            }
        }
        flushLatest();
        overview(end - 60_000, "end", end - 60_000);
        JsonNode markets = markets();
        if (!markets.isMissingNode()) {
            line(end - 30_000, "coingecko", "/coins/markets?vs_currency=usd&order=market_cap_desc&per_page=100",
                    "markets", markets.toString());
        }
    }

    private SimInstrument instrument(Venue venue, String coin) {
        SimInstrument i = instruments.get(venue.id() + " " + coin);
        if (i == null) {
            throw new IllegalStateException("no instrument for " + coin + " on " + venue.id());
        }
        return i;
    }

    // ---- frames ----

    private void writeTrade(SimInstrument i, boolean isBuy, double quantity, double price, long millis) {
        double contracts = i.contracts(i.isInverse() ? quantity * price : quantity * price, price);
        switch (i.venue()) {
            case BINANCE_USDM, BINANCE_COINM -> frame(millis, i.venue(), BinanceWire.streamName(i.symbol(), "@aggTrade"),
                    BinanceWire.aggTrade(i, nextId(i), price, contracts, millis, !isBuy), true);
            case BYBIT_LINEAR, BYBIT_INVERSE -> bybitTrades.computeIfAbsent(i.venue().id() + " " + i.coin(), k -> new ArrayList<>())
                    .add(new BybitWire.Trade(millis, isBuy, contracts, price, new UUID(random.nextLong(), random.nextLong())));
            case OKX_SWAP -> frame(millis, i.venue(), "trades:" + i.symbol(), OkxWire.trade(i, nextId(i), price, contracts,
                    isBuy, millis), false);
        }
    }

    private void writeLiquidation(SimInstrument i, boolean isLong, double quantity, double price, long millis) {
        double contracts = i.contracts(quantity * price, price);
        if (i.venue() == Venue.BYBIT_LINEAR || i.venue() == Venue.BYBIT_INVERSE) {
            bybitBatches.computeIfAbsent(i.venue().id() + " " + i.coin(), k -> new ArrayList<>())
                    .add(new BybitWire.Liquidation(millis, isLong, contracts, price));
        } else {
            latest.put(i.venue().id() + " " + i.coin(), new Pending(i, isLong, contracts, price, millis));
        }
    }

    /** Binance and OKX: the latest liquidation of each symbol's second, pushed when the second is over. */
    private void flushLatest() {
        for (Pending p : latest.values()) {
            SimInstrument i = p.instrument();
            if (i.venue() == Venue.OKX_SWAP) {
                frame(p.millis() + 40, i.venue(), "liquidation-orders:SWAP", OkxWire.liquidation(i, p.isLong(),
                        p.contracts(), p.price(), p.millis()), false);
            } else {
                frame(p.millis() + 40, i.venue(), "!forceOrder@arr", BinanceWire.forceOrder(i, p.isLong(), p.contracts(),
                        p.price(), p.millis()), false);
            }
        }
        latest.clear();
    }

    private void flushBybit(long now) {
        for (Map.Entry<String, List<BybitWire.Liquidation>> e : bybitBatches.entrySet()) {
            if (!e.getValue().isEmpty()) {
                SimInstrument i = instruments.get(e.getKey());
                frame(now + 30, i.venue(), "allLiquidation." + i.symbol(), BybitWire.allLiquidation(i, e.getValue(), now),
                        false);
                e.getValue().clear();
            }
        }
        for (Map.Entry<String, List<BybitWire.Trade>> e : bybitTrades.entrySet()) {
            if (!e.getValue().isEmpty()) {
                SimInstrument i = instruments.get(e.getKey());
                frame(now + 20, i.venue(), "publicTrade." + i.symbol(), BybitWire.publicTrade(i, e.getValue(), now), false);
                e.getValue().clear();
            }
        }
    }

    private void writeOpenInterest(SimInstrument i, double quantity, double price, double funding, long millis) {
        switch (i.venue()) {
            case BYBIT_LINEAR -> frame(millis + 50, i.venue(), "tickers." + i.symbol(), BybitWire.tickers(i, false, price,
                    quantity / 2, funding, millis), false);
            case OKX_SWAP -> frame(millis + 60, i.venue(), "open-interest:" + i.symbol(), OkxWire.openInterest(i,
                    quantity / i.contractSize(), price, millis), false);
            default -> { } // Binance's streams carry no open interest
        }
    }

    private void marks(MarketModel model, long millis) {
        for (SimInstrument i : instruments.values()) {
            if (i.venue() == Venue.BINANCE_USDM) {
                frame(millis + 10, i.venue(), BinanceWire.streamName(i.symbol(), "@markPrice@1s"),
                        BinanceWire.markPrice(i, model.price(i.coin()), model.fundingRate(i.coin()), millis), false);
            }
        }
    }

    /** The month before: Binance BTCUSDT taker flow an hour at a time, as a few large aggTrades. */
    private void history() {
        SimInstrument btc = instruments.get(Venue.BINANCE_USDM.id() + " BTC");
        if (btc == null) {
            return;
        }
        for (Scenario.HistoryHour h : scenario.history()) {
            double buys = (h.volumeUsd() + h.netUsd()) / 2;
            double sells = (h.volumeUsd() - h.netUsd()) / 2;
            for (int k = 0; k < 4; k++) {
                long t = h.startMillis() + k * 900_000L + 60_000;
                writeTrade(btc, true, buys / 4 / btc.startPrice(), btc.startPrice(), t);
                writeTrade(btc, false, sells / 4 / btc.startPrice(), btc.startPrice(), t + 1_000);
            }
        }
    }

    private long nextId(SimInstrument i) {
        return ++ids.computeIfAbsent(i.venue().id() + " " + i.symbol(), k -> new long[] {1_000_000L})[0];
    }

    // ---- documents ----

    private void metadata(long millis) {
        List<SimInstrument> usdm = new ArrayList<>();
        List<SimInstrument> linear = new ArrayList<>();
        List<SimInstrument> inverse = new ArrayList<>();
        List<SimInstrument> okx = new ArrayList<>();
        for (SimInstrument i : instruments.values()) {
            switch (i.venue()) {
                case BINANCE_USDM -> usdm.add(i);
                case BYBIT_LINEAR -> linear.add(i);
                case BYBIT_INVERSE -> inverse.add(i);
                case OKX_SWAP -> okx.add(i);
                default -> { }
            }
        }
        line(millis, Venue.BINANCE_USDM.id(), "/fapi/v1/exchangeInfo", "metadata", BinanceWire.exchangeInfo(usdm, millis));
        line(millis, Venue.BYBIT_LINEAR.id(), "/v5/market/instruments-info?category=linear", "metadata",
                BybitWire.instrumentsInfo("linear", linear, millis));
        if (!inverse.isEmpty()) {
            line(millis, Venue.BYBIT_INVERSE.id(), "/v5/market/instruments-info?category=inverse", "metadata",
                    BybitWire.instrumentsInfo("inverse", inverse, millis));
        }
        line(millis, Venue.OKX_SWAP.id(), "/api/v5/public/instruments?instType=SWAP", "metadata",
                OkxWire.instruments(okx));
    }

    /**
     * The /coins/markets page: the scenario's named coins, and (with {@code marketsFill}) the rest of the top 100
     * made up to the rank asked, each with a market cap below the last named one's and a 24h change in the range
     * given (so the named coins stay the day's movers).
     */
    private JsonNode markets() {
        JsonNode named = scenario.overview().path("markets");
        JsonNode fill = scenario.overview().path("marketsFill");
        if (named.isMissingNode() || fill.isMissingNode()) {
            return named;
        }
        com.fasterxml.jackson.databind.node.ArrayNode page = ((com.fasterxml.jackson.databind.node.ArrayNode) named)
                .deepCopy();
        java.util.Set<Integer> ranks = new java.util.HashSet<>();
        named.forEach(n -> ranks.add(n.path("market_cap_rank").asInt()));
        double low = fill.path("minChangePct").asDouble();
        double high = fill.path("maxChangePct").asDouble();
        for (int rank = 1; rank <= fill.path("upToRank").asInt(100); rank++) {
            if (ranks.contains(rank)) {
                continue;
            }
            double cap = 3.0e12 * Math.pow(rank, -1.6) * 0.55;
            page.addObject().put("id", "coin-" + rank).put("symbol", "c" + rank).put("name", "Coin " + rank)
                    .put("current_price", Math.round(100 * (1 + random.nextDouble() * 50)) / 100.0).put("market_cap", cap)
                    .put("market_cap_rank", rank).put("total_volume", cap * 0.05)
                    .put("price_change_percentage_24h", Math.round((low + random.nextDouble() * (high - low)) * 100) / 100.0)
                    .put("last_updated", named.get(0).path("last_updated").asText());
        }
        return page;
    }

    private void overview(long millis, String which, long updatedMillis) {
        JsonNode g = scenario.overview().path("global").path(which);
        if (g.isMissingNode()) {
            return;
        }
        String doc = "{\"data\":{\"total_market_cap\":{\"usd\":" + g.path("cap").asDouble() + "},\"total_volume\":{\"usd\":"
                + g.path("volume").asDouble() + "},\"market_cap_percentage\":{\"btc\":" + g.path("btc").asDouble()
                + ",\"eth\":" + g.path("eth").asDouble() + "},\"market_cap_change_percentage_24h_usd\":"
                + g.path("change").asDouble() + ",\"updated_at\":" + updatedMillis / 1000 + "}}";
        line(millis, "coingecko", "/global", "global", doc);
    }

    private void frame(long millis, Venue venue, String topic, String payload, boolean isAggTrade) {
        out.frame(millis, venue, topic, payload, isAggTrade);
        frames++;
    }

    private void line(long millis, String source, String path, String kind, String json) {
        out.document(millis, source, path, kind, json);
        frames++;
    }
}
