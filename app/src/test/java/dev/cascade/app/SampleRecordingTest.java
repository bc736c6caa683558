package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.output.json.LiquidationJson;
import dev.cascade.testkit.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in sample: the committed file is what the generator writes, and the replay's totals equal those
 * of an independent reading of the same file, here with Jackson and the documented semantics written out
 * again by hand (a second implementation to check the first).
 */
class SampleRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sample() {
        return SharedFixtures.root().resolve(SampleRecording.FILE);
    }

    @Test
    void shouldBeExactlyWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(sample(), StandardCharsets.UTF_8)).isEqualTo(SampleRecording.generate());
    }

    @Test
    void shouldTotalWhatAnIndependentReadingOfTheFileTotals() throws IOException {
        Map<String, double[]> expected = oracle(Files.readAllLines(sample()));
        JsonNode j = Cli.run("replay", "--format", "json", sample().toString()).json();
        JsonNode venues = j.path("liquidations").path("byVenue");
        double longs = 0;
        double shorts = 0;
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            JsonNode v = venues.path(e.getKey());
            assertThat(v.path("longUsd").decimalValue()).as(e.getKey()).isEqualByComparingTo(LiquidationJson.usd(e.getValue()[0]));
            assertThat(v.path("shortUsd").decimalValue()).as(e.getKey()).isEqualByComparingTo(LiquidationJson.usd(e.getValue()[1]));
            assertThat(v.path("longCount").asLong()).as(e.getKey()).isEqualTo((long) e.getValue()[2]);
            assertThat(v.path("shortCount").asLong()).as(e.getKey()).isEqualTo((long) e.getValue()[3]);
            longs += e.getValue()[0];
            shorts += e.getValue()[1];
        }
        assertThat(venues.size()).isEqualTo(expected.size());
        assertThat(j.path("liquidations").path("usd").decimalValue()).isEqualByComparingTo(LiquidationJson.usd(longs + shorts));
        assertThat(j.path("liquidations").path("largest").path("usd").decimalValue()).isEqualByComparingTo("8012000");
        assertThat(j.path("liquidations").path("largest").path("venue").asText()).isEqualTo("bybit-inverse");
        assertThat(j.path("duplicates").path("liquidations").asLong()).isEqualTo(1);
        assertThat(j.path("rejected").path("count").asLong()).isZero();
        assertThat(j.path("input").path("frames").asLong()).isBetween(3_500L, 4_500L);
    }

    @Test
    void shouldGiveTheTakerFlowAndPricesThatAnIndependentReadingOfTheTradesGives() throws IOException {
        Map<String, Flow> expected = tradeOracle(Files.readAllLines(sample()));
        JsonNode j = Cli.run("replay", "--format", "json", sample().toString()).json();
        for (String coin : List.of("BTC", "ETH")) {
            Flow f = expected.get(coin);
            JsonNode taker = j.path("taker").path("byCoin").path(coin);
            assertThat(taker.path("buyUsd").asDouble()).as(coin).isCloseTo(f.buyUsd, within(0.011));
            assertThat(taker.path("sellUsd").asDouble()).as(coin).isCloseTo(f.sellUsd, within(0.011));
            assertThat(taker.path("netUsd").asDouble()).as(coin).isCloseTo(f.buyUsd - f.sellUsd, within(0.011));
            assertThat(taker.path("buyShare").asDouble()).as(coin).isCloseTo(f.buyUsd / (f.buyUsd + f.sellUsd), within(1e-4));
            assertThat(taker.path("trades").asLong()).as(coin).isEqualTo(f.trades);
            JsonNode price = j.path("price").path("byCoin").path(coin);
            // first, last, high and low are those of the most traded instrument, Binance's USDT perpetual here
            assertThat(price.path("reference").asText()).isEqualTo("binance-usdm:" + coin + "USDT");
            assertThat(price.path("first").asDouble()).as(coin).isEqualTo(f.first);
            assertThat(price.path("last").asDouble()).as(coin).isEqualTo(f.last);
            assertThat(price.path("high").asDouble()).as(coin).isEqualTo(f.high);
            assertThat(price.path("low").asDouble()).as(coin).isEqualTo(f.low);
            assertThat(price.path("changePct").asDouble()).as(coin).isCloseTo((f.last / f.first - 1) * 100, within(1e-4));
            assertThat(price.path("vwap").asDouble()).as(coin).isCloseTo(f.quoteUsd / f.baseQty, within(1e-3));
            assertThat(price.path("volumeUsd").asDouble()).as(coin).isCloseTo(f.buyUsd + f.sellUsd, within(0.011));
        }
    }

    @Test
    void shouldTellTheSampleStoryInEverySection() {
        JsonNode j = Cli.run("replay", "--format", "json", sample().toString()).json();
        JsonNode events = j.path("events");
        assertThat(events.path("bursts")).isNotEmpty();
        assertThat(events.path("bursts").get(0).path("side").asText()).isEqualTo("long");
        assertThat(events.path("crossings").findValuesAsText("kind")).contains("below", "recovered");
        assertThat(events.path("wicks").get(0).path("coin").asText()).isEqualTo("BTC");
        assertThat(events.path("sweptClusters")).isNotEmpty();
        assertThat(events.path("flushes").findValuesAsText("kind")).contains("long-squeeze", "leverage-flush");
        JsonNode liquidations = j.path("liquidations");
        // throttled venues are scaled up, Bybit is complete: the estimate is above the reported total, and its
        // range holds it
        assertThat(liquidations.path("estimatedUsd").asDouble()).isGreaterThan(liquidations.path("usd").asDouble());
        assertThat(liquidations.path("estimatedLowUsd").asDouble()).isLessThanOrEqualTo(liquidations.path("estimatedUsd").asDouble());
        assertThat(liquidations.path("estimatedHighUsd").asDouble()).isGreaterThanOrEqualTo(liquidations.path("estimatedUsd").asDouble());
        assertThat(liquidations.path("byVenue").path("bybit-linear").path("estimatedUsd").asDouble())
                .isEqualTo(liquidations.path("byVenue").path("bybit-linear").path("usd").asDouble());
        assertThat(j.path("openInterest").path("byCoin").path("BTC").path("changes").path("1h").path("changePct").asDouble())
                .isNegative();
        assertThat(j.path("heatmap").path("byCoin").path("BTC").path("hitRate").path("realizedUsd").asDouble()).isPositive();
        JsonNode overview = j.path("overview");
        assertThat(overview.path("totalMarketCapUsd").asDouble()).isEqualTo(3.22e12);
        assertThat(overview.path("marketCapChangePct24h").asDouble()).isEqualTo(-2.01);
        assertThat(overview.path("volumeChangePct24h").asDouble()).isCloseTo(40, within(1e-9)); // 133B against 95B
        assertThat(overview.path("topGainers").get(0).path("symbol").asText()).isEqualTo("SEI");
        assertThat(j.path("sentiment").path("published").path("classification").asText()).isEqualTo("Neutral");
        assertThat(j.path("sentiment").path("value").asInt()).isBetween(0, 100);
    }

    @Test
    void shouldShowEverySectionReadablyInText() {
        Cli cli = Cli.run("replay", sample().toString());
        JsonNode j = Cli.run("replay", "--format", "json", sample().toString()).json();
        JsonNode btc = j.path("price").path("byCoin").path("BTC");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("Prices (first to last of the most traded instrument")
                .containsPattern("BTC +\\$105,603 +\\$103,465 +-2% ")
                .contains(dev.cascade.output.Formats.price(btc.path("vwap").asDouble()))
                .contains("Taker flow (net = taker buys - taker sells)")
                .contains("Open interest and funding")
                .contains("Liquidation heatmap (levels model")
                .contains("BTC fell below $103,000")
                .contains("BTC wick down to $102,393")
                .contains("Market overview: total cap $3.22T (-2% in 24h), volume $133B (+40%)")
                .contains("top gainers of the top 100: SEI +9.8%")
                .contains("alternative.me published 52 (Neutral)");
    }

    /** Per coin, from the trades as the venues document them. */
    private static final class Flow {
        double buyUsd;
        double sellUsd;
        double quoteUsd;
        double baseQty;
        long trades;
        double first = Double.NaN;
        double last;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        long firstTime = Long.MAX_VALUE;
        long lastTime = Long.MIN_VALUE;
    }

    private static Map<String, Flow> tradeOracle(List<String> lines) throws IOException {
        Map<String, Flow> flows = new HashMap<>();
        for (String line : lines) {
            JsonNode frame = JSON.readTree(line).path("frame");
            JsonNode data = frame.path("data");
            if (data.path("e").asText().equals("aggTrade")) {
                String coin = data.path("s").asText().replace("USDT", "");
                double p = data.path("p").asDouble();
                double q = data.path("q").asDouble();
                Flow f = trade(flows, coin, !data.path("m").asBoolean(), p, q); // m: the buyer made; the seller took
                long t = data.path("T").asLong();
                f.high = Math.max(f.high, p);
                f.low = Math.min(f.low, p);
                if (t < f.firstTime) {
                    f.firstTime = t;
                    f.first = p;
                }
                if (t >= f.lastTime) {
                    f.lastTime = t;
                    f.last = p;
                }
            } else if (frame.path("topic").asText().startsWith("publicTrade.")) {
                for (JsonNode t : data) {
                    trade(flows, "BTC", t.path("S").asText().equals("Buy"), t.path("p").asDouble(), t.path("v").asDouble());
                }
            } else if (frame.path("arg").path("channel").asText().equals("trades")) {
                for (JsonNode t : data) {
                    trade(flows, "BTC", t.path("side").asText().equals("buy"), t.path("px").asDouble(),
                            t.path("sz").asDouble() * 0.01); // ctVal of BTC-USDT-SWAP
                }
            }
        }
        return flows;
    }

    private static Flow trade(Map<String, Flow> flows, String coin, boolean isBuy, double price, double qty) {
        Flow f = flows.computeIfAbsent(coin, c -> new Flow());
        double usd = price * qty;
        if (isBuy) {
            f.buyUsd += usd;
        } else {
            f.sellUsd += usd;
        }
        f.quoteUsd += usd;
        f.baseQty += qty;
        f.trades++;
        return f;
    }

    /** Per venue: long USD, short USD, long count, short count, straight from the documented field meanings. */
    private static Map<String, double[]> oracle(List<String> lines) throws IOException {
        Map<String, Double> contract = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, double[]> totals = new HashMap<>();
        for (String line : lines) {
            JsonNode l = JSON.readTree(line);
            String venue = l.path("venue").asText();
            JsonNode frame = l.path("frame");
            if (l.has("rest")) {
                for (JsonNode s : frame.path("symbols")) {
                    contract.put(s.path("symbol").asText(), s.has("contractSize") ? s.path("contractSize").asDouble() : 1.0);
                }
                for (JsonNode i : frame.path("data")) {
                    contract.put(i.path("instId").asText(), i.path("ctVal").asDouble());
                }
                continue;
            }
            JsonNode data = frame.path("data");
            if (data.path("e").asText().equals("forceOrder")) {
                JsonNode o = data.path("o");
                String s = o.path("s").asText();
                double z = o.path("z").asDouble();
                double usd = s.endsWith("_PERP") ? z * contract.get(s) : z * o.path("ap").asDouble();
                if (seen.add(s + o.path("T").asText() + o.path("S").asText() + o.path("ap").asText() + z)) {
                    add(totals, s.endsWith("_PERP") ? "binance-coinm" : "binance-usdm", o.path("S").asText().equals("SELL"), usd);
                }
            } else if (frame.path("topic").asText().startsWith("allLiquidation.")) {
                for (JsonNode i : data) {
                    boolean isInverse = venue.equals("bybit-inverse");
                    double usd = isInverse ? i.path("v").asDouble() : i.path("v").asDouble() * i.path("p").asDouble();
                    add(totals, venue, i.path("S").asText().equals("Buy"), usd);
                }
            } else if (frame.path("arg").path("channel").asText().equals("liquidation-orders")) {
                for (JsonNode d : data) {
                    String inst = d.path("instId").asText();
                    for (JsonNode x : d.path("details")) {
                        double contracts = x.path("sz").asDouble() * contract.get(inst);
                        double usd = inst.endsWith("-USD-SWAP") ? contracts : contracts * x.path("bkPx").asDouble();
                        String pos = x.path("posSide").asText();
                        boolean isLong = pos.equals("long") || (!pos.equals("short") && x.path("side").asText().equals("sell"));
                        add(totals, venue, isLong, usd);
                    }
                }
            }
        }
        return totals;
    }

    private static void add(Map<String, double[]> totals, String venue, boolean isLong, double usd) {
        double[] t = totals.computeIfAbsent(venue, v -> new double[4]);
        t[isLong ? 0 : 1] += usd;
        t[isLong ? 2 : 3] += 1;
    }
}
