package dev.cascade.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.sim.model.MarketModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as data ({@code sim/src/main/resources/scenarios/NAME.json}, or any file): when it starts, how long
 * it runs, the seed, each coin's anchor path and market and the crowd (the {@link MarketModel} parameters), the positions
 * placed by hand (a whale), the hours of taker flow before it that the month's extremes need, and the market
 * overview documents the recorder writes beside the frames.
 */
public record Scenario(String name, long seed, long startMillis, int hours, List<CoinScenario> coins,
                       List<Whale> whales, List<Inflow> inflows, MarketModel.Crowd crowd, List<HistoryHour> history,
                       JsonNode overview) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A coin: the model's setup, its price for instruments and overview, and which venues list it. */
    public record CoinScenario(MarketModel.CoinSetup setup, double okxContract, double dayBeforeVolumeRatio) {
    }

    /** A position placed by hand: on which venue (an id), side, USD and liquidation price. */
    public record Whale(String coin, String venue, String symbol, boolean isLong, double usd, double liquidationPrice) {
    }

    /** New positions of a coin opening {@code factor} times as fast between two hours of the scenario. */
    public record Inflow(String coin, double fromHour, double toHour, double factor) {
    }

    /** An hour of Binance BTCUSDT taker flow before the scenario (the month's history): net USD and volume USD. */
    public record HistoryHour(long startMillis, double netUsd, double volumeUsd) {
    }

    /** A built-in scenario by name, or a file. */
    public static Scenario load(String nameOrFile) throws IOException {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return parse(JSON.readTree(Files.readAllBytes(file)));
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + nameOrFile + ".json")) {
            if (in == null) {
                throw new IOException("no scenario '" + nameOrFile + "' (built in: seed-2025-06), and no such file");
            }
            return parse(JSON.readTree(in));
        }
    }

    static Scenario parse(JsonNode j) {
        List<CoinScenario> coins = new ArrayList<>();
        for (JsonNode c : j.path("coins")) {
            JsonNode path = c.path("path");
            double[] seconds = new double[path.size()];
            double[] prices = new double[path.size()];
            for (int k = 0; k < path.size(); k++) {
                seconds[k] = path.get(k).get(0).asDouble() * 3_600;
                prices[k] = path.get(k).get(1).asDouble();
            }
            MarketModel.CoinSetup setup = new MarketModel.CoinSetup(c.path("coin").asText(),
                    new MarketModel.PricePath(seconds, prices), c.path("volatility").asDouble(),
                    c.path("depthUsd").asDouble(), c.path("reversionSeconds").asDouble(600),
                    c.path("positions").asInt(), c.path("backgroundOpenInterestUsd").asDouble(),
                    c.path("entrySpread").asDouble(0.02), c.path("longShare").asDouble(0.6),
                    c.path("minPositionUsd").asDouble(), c.path("holdHours").asDouble(12) * 3_600,
                    doubles(j.path("leverages")), doubles(j.path("leverageWeights")), doubles(c.path("venueShares")),
                    c.path("tradesPerSecond").asDouble(), c.path("meanTradeUsd").asDouble(),
                    c.has("venueSizeFactors") ? doubles(c.path("venueSizeFactors")) : null);
            coins.add(new CoinScenario(setup, c.path("okxContract").asDouble(1), c.path("dayBeforeVolumeRatio").asDouble(1)));
        }
        List<Whale> whales = new ArrayList<>();
        for (JsonNode w : j.path("whales")) {
            whales.add(new Whale(w.path("coin").asText(), w.path("venue").asText(), w.path("symbol").asText(),
                    "long".equals(w.path("side").asText()), w.path("usd").asDouble(), w.path("liquidationPrice").asDouble()));
        }
        List<Inflow> inflows = new ArrayList<>();
        for (JsonNode f : j.path("inflows")) {
            inflows.add(new Inflow(f.path("coin").asText(), f.path("fromHour").asDouble(), f.path("toHour").asDouble(),
                    f.path("factor").asDouble()));
        }
        List<HistoryHour> history = new ArrayList<>();
        long start = Instant.parse(j.path("start").asText()).toEpochMilli();
        JsonNode h = j.path("history");
        int days = h.path("days").asInt(0);
        double hourlyVolume = h.path("hourlyVolumeUsd").asDouble();
        java.util.SplittableRandom random = new java.util.SplittableRandom(j.path("seed").asLong() ^ 0x5EED);
        for (int k = days * 24; k >= 1; k--) {
            long hourStart = start - k * 3_600_000L;
            // an ordinary hour: buyers and sellers ahead by turns (a month whose only extremes are the scripted ones)
            double net = (k % 2 == 0 ? 1 : -1) * h.path("alternateUsd").asDouble(0)
                    + hourlyVolume * h.path("noise").asDouble(0) * random.nextGaussian();
            for (JsonNode x : h.path("extremes")) {
                if (Instant.parse(x.path("hour").asText()).toEpochMilli() == hourStart) {
                    net = x.path("netUsd").asDouble();
                }
            }
            history.add(new HistoryHour(hourStart, net, hourlyVolume));
        }
        return new Scenario(j.path("name").asText(), j.path("seed").asLong(), start, j.path("hours").asInt(24), coins,
                whales, inflows, crowd(j.path("crowd")), history, j.path("overview"));
    }

    /** The crowd's parameters; each missing one takes {@link MarketModel.Crowd#defaults()}'s. */
    private static MarketModel.Crowd crowd(JsonNode c) {
        MarketModel.Crowd d = MarketModel.Crowd.defaults();
        return new MarketModel.Crowd(c.path("sizeTailIndex").asDouble(d.sizeTailIndex()),
                c.path("maxPositionUsd").asDouble(d.maxPositionUsd()), c.path("stopShare").asDouble(d.stopShare()),
                c.path("leanMomentum").asDouble(d.leanMomentum()),
                c.path("backgroundCoupling").asDouble(d.backgroundCoupling()),
                c.has("venueSizeFactors") ? doubles(c.path("venueSizeFactors")) : d.venueSizeFactors());
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a.get(k).asDouble();
        }
        return out;
    }
}
