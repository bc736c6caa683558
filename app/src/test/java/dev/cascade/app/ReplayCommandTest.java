package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    private Path recording() throws IOException {
        return Files.writeString(dir.resolve("r.jsonl"), String.join("\n",
                "{\"ts\":1749132000100000,\"venue\":\"binance-usdm\",\"frame\":{\"e\":\"forceOrder\",\"E\":1749132000010,\"o\":"
                        + "{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"12.5\",\"p\":\"100000\",\"ap\":\"100000\",\"X\":\"FILLED\","
                        + "\"z\":\"12.5\",\"T\":1749132000000}}}",
                "{\"ts\":1749135600100000,\"venue\":\"bybit-inverse\",\"frame\":{\"topic\":\"allLiquidation.BTCUSD\",\"type\":"
                        + "\"snapshot\",\"ts\":1749135600000,\"data\":[{\"T\":1749135600000,\"s\":\"BTCUSD\",\"S\":\"Sell\","
                        + "\"v\":\"250000\",\"p\":\"99000\"}]}}",
                "not json at all", ""));
    }

    @Test
    void shouldPrintTheDesignJsonObject() throws IOException {
        Cli cli = Cli.run("replay", "--format", "json", recording().toString());
        assertThat(cli.exitCode()).isZero();
        JsonNode j = cli.json();
        assertThat(j.path("from").asText()).isEqualTo("2025-06-05T14:00:00Z");
        assertThat(j.path("to").asText()).isEqualTo("2025-06-05T15:00:00Z");
        JsonNode l = j.path("liquidations");
        assertThat(l.path("usd").decimalValue()).isEqualByComparingTo("1500000.00");
        assertThat(l.path("longUsd").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(l.path("shortUsd").decimalValue()).isEqualByComparingTo("250000");
        assertThat(l.path("count").asLong()).isEqualTo(2);
        assertThat(l.path("longCount").asLong()).isEqualTo(1);
        assertThat(l.path("shortCount").asLong()).isEqualTo(1);
        JsonNode largest = l.path("largest");
        assertThat(largest.path("exchange").asText()).isEqualTo("binance");
        assertThat(largest.path("venue").asText()).isEqualTo("binance-usdm");
        assertThat(largest.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(largest.path("coin").asText()).isEqualTo("BTC");
        assertThat(largest.path("side").asText()).isEqualTo("long");
        assertThat(largest.path("usd").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(largest.path("price").decimalValue()).isEqualByComparingTo("100000");
        assertThat(largest.path("time").asText()).isEqualTo("2025-06-05T14:00:00Z");
        assertThat(l.path("byCoin").path("BTC").path("count").asLong()).isEqualTo(2);
        assertThat(l.path("byExchange").path("bybit").path("shortUsd").decimalValue()).isEqualByComparingTo("250000");
        assertThat(j.path("windows").path("1h").path("usd").decimalValue()).isEqualByComparingTo("250000");
        assertThat(j.path("windows").path("4h").path("usd").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(j.path("rejected").path("count").asLong()).isEqualTo(1);
        assertThat(j.path("rejected").path("byReason").path("malformed-json").asLong()).isEqualTo(1);
        assertThat(j.has("minuteBars")).isFalse();
        assertThat(cli.out()).doesNotContain("E+").doesNotContain("E7");
    }

    @Test
    void shouldAddPerMinuteBarsOnRequest() throws IOException {
        JsonNode bars = Cli.run("replay", "--format=json", "--bars", recording().toString()).json().path("minuteBars");
        assertThat(bars.path("binance-usdm").get(0).path("minute").asText()).isEqualTo("2025-06-05T14:00:00Z");
        assertThat(bars.path("binance-usdm").get(0).path("longUsd").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(bars.path("bybit-inverse").get(0).path("shortCount").asLong()).isEqualTo(1);
    }

    @Test
    void shouldPrintAlignedTablesForAPerson() throws IOException {
        Cli cli = Cli.run("replay", recording().toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("whole input  $1,500,000  $1,250,000  $250,000       2         83%")
                .contains("Largest single order: $1,250,000 long on binance BTCUSDT (binance-usdm) at $100,000")
                .contains("malformed-json      1");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void shouldFailWithOneLineForAMissingFile() {
        Cli cli = Cli.run("replay", dir.resolve("nope.jsonl").toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("cascade: " + dir.resolve("nope.jsonl") + ": no such file").doesNotContain("\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldFailWithOneLineForADirectory() {
        Cli cli = Cli.run("replay", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("cascade: " + dir + ": is a directory");
    }

    @Test
    void shouldExitOneOnUsageErrorsOfEveryCommand() {
        // 2 means "nothing usable was read" (DamagedReplayTest) for every command, so usage errors are 1
        assertThat(Cli.run("replay").exitCode()).isEqualTo(1);
        assertThat(Cli.run("replay", "--format", "xml", "x").exitCode()).isEqualTo(1);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(1);
        assertThat(Cli.run().exitCode()).isEqualTo(1);
        assertThat(Cli.run("replay", "--top", "0", "x").exitCode()).isEqualTo(1);
    }
}
