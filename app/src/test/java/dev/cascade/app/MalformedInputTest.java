package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is rejected with a reason and counted, and the replay goes on with the rest. */
class MalformedInputTest {
    @TempDir
    Path dir;

    private static String forceOrder(String ts, String q, String p) {
        return "{\"ts\":" + ts + ",\"venue\":\"binance-usdm\",\"frame\":{\"e\":\"forceOrder\",\"E\":1749132000010,\"o\":"
                + "{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":" + q + ",\"p\":" + p + ",\"ap\":\"0\",\"X\":\"FILLED\",\"z\":" + q
                + ",\"T\":1749132000000}}}";
    }

    @Test
    void shouldCountEachBadLineByReasonAndKeepTheGoodOnes() throws IOException {
        StringBuilder f = new StringBuilder();
        f.append(forceOrder("1749132000100000", "\"1\"", "\"100000\"")).append('\n');              // good: $100,000
        String good = forceOrder("1749132000200000", "\"2\"", "\"100000\"");
        f.append(good, 0, good.length() - 20).append('\n');                                        // truncated JSON
        f.append(forceOrder("1749132000300000", "{\"x\":1}", "\"100000\"")).append('\n');         // wrong type
        f.append(forceOrder("1749132000400000", "\"NaN\"", "\"100000\"")).append('\n');           // NaN
        f.append(forceOrder("1749132000500000", "\"-3\"", "\"100000\"")).append('\n');            // negative size
        f.append(forceOrder("1749132000600000", "\"0\"", "\"100000\"")).append('\n');             // zero size: unfilled
        f.append(forceOrder("1749132000700000", "\"1\"", "\"0\"")).append('\n');                  // zero price
        f.append(forceOrder("1749132000800000", "\"1\"", "\"100000\"").replace("BTCUSDT", "FOOUSD_PERP")).append('\n');
        f.append("{\"ts\":1749132000900000,\"venue\":\"kraken\",\"frame\":{}}\n");                // unknown venue
        f.append("\u0000\u0001\u0002\u0003 binary \u0004\u0005\n");                               // binary garbage
        f.append("{\"ts\":").append("9".repeat(10 << 20)).append("}\n");                                // a 10 MB line
        f.append(forceOrder("1749132001000000", "\"2\"", "\"100000\"")).append('\n');              // good: $200,000
        Path file = Files.writeString(dir.resolve("bad.jsonl"), f.toString(), StandardCharsets.UTF_8);
        Path empty = Files.writeString(dir.resolve("empty.jsonl.gz"), "");

        Cli cli = Cli.run("replay", "--format", "json", file.toString(), empty.toString());
        assertThat(cli.exitCode()).isZero();
        JsonNode j = cli.json();
        assertThat(j.path("liquidations").path("count").asLong()).isEqualTo(2);
        assertThat(j.path("liquidations").path("usd").decimalValue()).isEqualByComparingTo("300000");
        JsonNode reasons = j.path("rejected").path("byReason");
        assertThat(reasons.path("malformed-json").asLong()).isEqualTo(1);
        assertThat(reasons.path("wrong-type").asLong()).isEqualTo(1);
        assertThat(reasons.path("not-a-number").asLong()).isEqualTo(1);
        assertThat(reasons.path("non-positive-size").asLong()).isEqualTo(1);
        assertThat(reasons.path("unfilled-order").asLong()).isEqualTo(1);
        assertThat(reasons.path("non-positive-price").asLong()).isEqualTo(1);
        assertThat(reasons.path("unknown-instrument").asLong()).isEqualTo(1);
        assertThat(reasons.path("unsupported-venue").asLong()).isEqualTo(1);
        assertThat(reasons.path("binary-data").asLong()).isEqualTo(1);
        assertThat(reasons.path("line-too-long").asLong()).isEqualTo(1);
        assertThat(reasons.path("empty-file").asLong()).isEqualTo(1);
        assertThat(j.path("rejected").path("count").asLong()).isEqualTo(11);
        assertThat(j.path("input").path("frames").asLong()).isEqualTo(12);
    }

    @Test
    void shouldReplayTheRestWhenAFileIsBinaryGarbage() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(1).nextBytes(garbage);
        Path junk = Files.write(dir.resolve("junk.jsonl"), garbage);
        Path good = Files.writeString(dir.resolve("good.jsonl"), forceOrder("1749132000100000", "\"1\"", "\"100000\"") + "\n");
        JsonNode j = Cli.run("replay", "--format", "json", junk.toString(), good.toString()).json();
        assertThat(j.path("liquidations").path("count").asLong()).isEqualTo(1);
        assertThat(j.path("rejected").path("count").asLong()).isPositive();
    }
}
