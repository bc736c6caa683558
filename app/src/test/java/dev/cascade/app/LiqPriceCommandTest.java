package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiqPriceCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "liqprice";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--format";
        all[args.length + 2] = "json";
        Cli cli = Cli.run(all);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return cli.json();
    }

    @Test
    void shouldPrintTheDocumentedJsonWithTheBracketUsed() {
        JsonNode j = json("--venue", "binance-usdm", "--side", "long", "--entry", "100000", "--qty", "10", "--leverage", "10");
        assertThat(j.toString()).isEqualTo(
                "{\"liquidationPrice\":90777.78,\"bracket\":{\"mmr\":0.01,\"cum\":1300,\"floor\":250000,\"cap\":3000000}}");
        JsonNode big = json("--venue", "binance-usdm", "--side", "long", "--entry", "100000", "--qty", "100", "--leverage", "10");
        assertThat(big.path("liquidationPrice").decimalValue()).isEqualByComparingTo("91832.82");
        assertThat(big.path("bracket").path("mmr").asDouble()).isEqualTo(0.025);
    }

    @Test
    void shouldGiveTheInverseAndBybitVectors() {
        assertThat(json("--venue", "binance-coinm", "--side", "long", "--entry", "50000", "--qty", "600",
                "--contract-size", "100", "--wallet", "0.12").path("liquidationPrice").decimalValue())
                .isEqualByComparingTo("45681.82");
        assertThat(json("--venue", "binance-coinm", "--side", "short", "--entry", "50000", "--qty", "600",
                "--leverage", "10").path("liquidationPrice").decimalValue()).isEqualByComparingTo("55277.78");
        assertThat(json("--venue", "bybit-inverse", "--side", "long", "--entry", "50000", "--qty", "600",
                "--contract-size", "100", "--leverage", "10").path("liquidationPrice").decimalValue())
                .isEqualByComparingTo("45662.10");
        assertThat(json("--venue", "bybit-linear", "--side", "long", "--entry", "20000", "--qty", "1",
                "--leverage", "50").path("liquidationPrice").decimalValue()).isEqualByComparingTo("19700.00");
    }

    @Test
    void shouldReadBinanceBracketFilesOfBothMarkets() throws IOException {
        Path um = dir.resolve("um.json");
        Files.writeString(um, "[{\"symbol\":\"ETHUSDT\",\"notionalCoef\":1.50,\"brackets\":["
                + "{\"bracket\":1,\"initialLeverage\":75,\"notionalCap\":10000,\"notionalFloor\":0,\"maintMarginRatio\":0.0065,\"cum\":0.0},"
                + "{\"bracket\":2,\"initialLeverage\":50,\"notionalCap\":100000,\"notionalFloor\":10000,\"maintMarginRatio\":0.01}]},"
                + "{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":125,\"notionalCap\":50000,"
                + "\"notionalFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0}]}]");
        // 20 ETH at 2,500, 10x: $50,000 of notional falls in bracket 2, whose cum (35) the file left out
        JsonNode j = json("--venue", "binance-usdm", "--side", "long", "--entry", "2500", "--qty", "20", "--leverage", "10",
                "--brackets", um.toString(), "--symbol", "ETHUSDT");
        double expected = (20 * 2500 - 5000 - 35) / (20 * 0.99);
        assertThat(j.path("liquidationPrice").decimalValue()).isEqualByComparingTo(String.format("%.2f", expected));
        assertThat(j.path("bracket").path("cum").asDouble()).isEqualTo(35);

        Path cm = dir.resolve("cm.json");
        Files.writeString(cm, "[{\"symbol\":\"BTCUSD_PERP\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":125,"
                + "\"qtyCap\":50,\"qtylFloor\":0,\"maintMarginRatio\":0.005,\"cum\":0.0}]}]");
        assertThat(json("--venue", "binance-coinm", "--side", "long", "--entry", "50000", "--qty", "600",
                "--wallet", "0.12", "--brackets", cm.toString()).path("liquidationPrice").decimalValue())
                .isEqualByComparingTo("45681.82");
    }

    @Test
    void shouldRefuseWhatItCannotComputeWithAUsageError() throws IOException {
        Cli both = Cli.run("liqprice", "--venue", "binance-usdm", "--side", "long", "--entry", "1", "--qty", "1",
                "--leverage", "10", "--wallet", "5");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("either --leverage or --wallet");
        Cli cross = Cli.run("liqprice", "--venue", "okx-swap", "--side", "short", "--entry", "1", "--qty", "1",
                "--leverage", "10", "--margin", "cross");
        assertThat(cross.exitCode()).isEqualTo(1);
        assertThat(cross.err()).contains("cross margin needs --wallet");
        assertThat(Cli.run("liqprice", "--venue", "kraken", "--side", "long", "--entry", "1", "--qty", "1",
                "--leverage", "2").exitCode()).isEqualTo(1);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"symbol\":\"X\",\"brackets\":[{\"notionalFloor\":0,\"notionalCap\":10,"
                + "\"maintMarginRatio\":0.01},{\"notionalFloor\":20,\"notionalCap\":30,\"maintMarginRatio\":0.02}]}]");
        Cli gap = Cli.run("liqprice", "--venue", "binance-usdm", "--side", "long", "--entry", "1", "--qty", "1",
                "--leverage", "2", "--brackets", broken.toString());
        assertThat(gap.exitCode()).isEqualTo(1);
        assertThat(gap.err()).startsWith("cascade: ").contains("not contiguous");
    }

    @Test
    void shouldExplainTheResultInText() {
        Cli cli = Cli.run("liqprice", "--venue", "binance-usdm", "--side", "short", "--entry", "84000", "--qty", "1",
                "--leverage", "10");
        assertThat(cli.exitCode()).isZero();
        // $92,000 of notional at the liquidation price: bracket 2 of the default table (MMR 0.5 %, cum 50)
        assertThat(cli.out()).startsWith("Liquidation price: $91,990.05").contains("bracket 2: maintenance margin 0.50 %");
    }
}
