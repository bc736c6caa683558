package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertThat(j.path("input").path("frames").asLong()).isBetween(300L, 800L);
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
