package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.testkit.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects that replaying real recordings from public repositories showed (issue 12): each is shown on frames
 * written here from the documented formats, and again on ../shared/fixtures/real when it is there (read in
 * place, never copied into the project; those tests are skipped with a message without it).
 */
class RealFramesTest {
    private static final String T = "1749132000"; // 2025-06-05T14:00:00Z, seconds

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private static JsonNode replay(Path... files) {
        String[] args = new String[files.length + 3];
        args[0] = "replay";
        args[1] = "--format";
        args[2] = "json";
        for (int i = 0; i < files.length; i++) {
            args[i + 3] = files[i].toString();
        }
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return cli.json();
    }

    private static Path real(String name) {
        assumeTrue(SharedFixtures.hasReal(), "../shared/fixtures/real is absent: the real recordings are not replayed");
        return SharedFixtures.real().resolve(name);
    }

    // ---- taker.trades (and every documented field) present when it is 0 ----

    @Test
    void shouldPrintEveryTakerFieldWhenNothingTraded() throws IOException {
        JsonNode o = replay(write("liquidation.jsonl", """
                {"ts":1749132000500000,"venue":"binance-usdm","frame":{"e":"forceOrder","E":1749132000400,"o":{"s":"BTCUSDT",\
                "S":"SELL","o":"LIMIT","f":"IOC","q":"0.5","p":"102000","ap":"102100","X":"FILLED","l":"0.5","z":"0.5",\
                "T":1749132000300}}}"""));
        JsonNode taker = o.path("taker");
        assertThat(taker.has("trades")).as("taker.trades").isTrue();
        assertThat(taker.path("trades").asLong(-1)).isZero();
        assertThat(taker.has("lastBar")).isTrue();
        assertThat(taker.path("lastBar").isNull()).isTrue();
        assertThat(taker.path("buyShare").isNull()).isTrue();
        assertThat(o.path("liquidations").path("estimate").has("check")).isTrue(); // null: no Bybit data to check by
    }

    @Test
    void shouldPrintTakerTradesAsZeroOnARealLiquidationRecording() {
        JsonNode o = replay(real("moondev-binance-usdm-forceOrder-2024-08-17.jsonl"));
        assertThat(o.path("counts").path("liquidations").asLong()).isEqualTo(841);
        assertThat(o.path("taker").path("trades").isIntegralNumber()).isTrue();
        assertThat(o.path("taker").path("trades").asLong(-1)).isZero();
        assertThat(o.path("taker").path("lastBar").isNull()).isTrue();
    }

    // ---- a tie in time closes at the later trade by id ----

    @Test
    void shouldCloseTwoTradesOfOneMillisecondAtTheLaterOne() throws IOException {
        JsonNode o = replay(write("tie.jsonl",
                aggTrade(1001, "BTCUSDT", "103010.5", "0.2", 1749132000100L),
                aggTrade(1002, "BTCUSDT", "103000.0", "0.3", 1749132000200L), // same millisecond, later, lower
                aggTrade(1003, "BTCUSDT", "102990.0", "0.1", 1749132000200L)));
        JsonNode btc = o.path("price").path("byCoin").path("BTC");
        assertThat(btc.path("last").decimalValue()).isEqualByComparingTo("102990.0");
        assertThat(btc.path("high").decimalValue()).isEqualByComparingTo("103010.5");
    }

    @Test
    void shouldCloseARealCoinmRecordingAtItsLastTradeByIdNotItsHigherPrice() {
        // ETCUSD_PERP's last two trades share 01:13:51.258: 42.28 (id 12400576), then 42.265 (id 12400577)
        JsonNode etc = replay(real("cryptofeed-binance-coinm-2021-07-22.jsonl.gz"))
                .path("price").path("byCoin").path("ETC");
        assertThat(etc.path("reference").asText()).isEqualTo("binance-coinm:ETCUSD_PERP");
        assertThat(etc.path("last").decimalValue()).isEqualByComparingTo("42.265");
        assertThat(etc.path("lastTime").asText()).isEqualTo("2021-07-22T01:13:51.258Z");
        assertThat(etc.path("high").decimalValue()).isEqualByComparingTo("42.28");
    }

    // ---- 1000PEPEUSDT quotes 1,000 PEPE: prices per PEPE ----

    @Test
    void shouldGivePerCoinPricesAndVwapWhenOneVenueQuotesALotAndAnotherTheCoin() throws IOException {
        JsonNode o = replay(write("pepe.jsonl",
                "{\"ts\":1749131990000000,\"venue\":\"okx-swap\",\"rest\":\"/api/v5/public/instruments?instType=SWAP\","
                        + "\"frame\":{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"PEPE-USDT-SWAP\",\"instType\":\"SWAP\","
                        + "\"ctType\":\"linear\",\"ctVal\":\"10000000\",\"ctMult\":\"1\",\"ctValCcy\":\"PEPE\","
                        + "\"uly\":\"PEPE-USDT\",\"settleCcy\":\"USDT\",\"state\":\"live\"}]}}",
                aggTrade(71, "1000PEPEUSDT", "0.0121000", "1000000", 1749132000100L), // 1e9 PEPE, $12,100
                "{\"ts\":1749132000300000,\"venue\":\"okx-swap\",\"frame\":{\"arg\":{\"channel\":\"trades\",\"instId\":"
                        + "\"PEPE-USDT-SWAP\"},\"data\":[{\"instId\":\"PEPE-USDT-SWAP\",\"tradeId\":\"5\",\"px\":\"0.0000123\","
                        + "\"sz\":\"2\",\"side\":\"sell\",\"ts\":\"1749132000250\",\"count\":\"1\"}]}}")); // 2e7 PEPE, $246
        JsonNode pepe = o.path("price").path("byCoin").path("PEPE");
        assertThat(pepe.path("reference").asText()).isEqualTo("binance-usdm:1000PEPEUSDT");
        assertThat(pepe.path("last").decimalValue()).isEqualByComparingTo("0.0000121");
        // (12,100 + 246) USD over (1e9 + 2e7) PEPE: both venues in PEPE, not 1,000 PEPE against 1 PEPE
        assertThat(pepe.path("vwap").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00001210392157"));
        assertThat(pepe.path("volumeUsd").decimalValue()).isEqualByComparingTo("12346");
        assertThat(o.path("price").path("byVenue").path("okx-swap").path("PEPE").path("last").decimalValue())
                .isEqualByComparingTo("0.0000123");
        assertThat(o.path("taker").path("byCoin").path("PEPE").path("buyUsd").decimalValue()).isEqualByComparingTo("12100");
    }

    @Test
    void shouldKeepTheUsdOfRealLotSymbolLiquidations() {
        // seven 1000PEPEUSDT orders: sum of z x ap as the frames say = $637.64
        JsonNode pepe = replay(real("moondev-binance-usdm-forceOrder-2024-08-17.jsonl"))
                .path("liquidations").path("byCoin").path("PEPE");
        assertThat(pepe.path("count").asLong()).isEqualTo(7);
        assertThat(pepe.path("usd").decimalValue()).isEqualByComparingTo("637.64");
    }

    // ---- instrument metadata in the capture layouts found beside real frames ----

    @Test
    void shouldReadInstrumentsFromACryptofeedRestCaptureInTheRecordingOrBesideIt() throws IOException {
        String info = "https://dapi.binance.com/dapi/v1/exchangeInfo -> " + T + ".25: {\"timezone\":\"UTC\",\"symbols\":["
                + "{\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"contractType\":\"PERPETUAL\",\"contractSize\":100,"
                + "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USD\",\"marginAsset\":\"BTC\",\"contractStatus\":\"TRADING\"}]}";
        String frame = T + ".8: {\"stream\":\"btcusd_perp@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1749132000700,"
                + "\"a\":9001,\"s\":\"BTCUSD_PERP\",\"p\":\"103000.0\",\"q\":\"7\",\"f\":1,\"l\":2,\"T\":1749132000600,\"m\":true}}";
        String connect = "wss://dstream.binance.com/stream?streams=btcusd_perp@aggTrade <-> " + T + ".2";
        JsonNode inline = replay(write("BINANCE_DELIVERY.ws.1.0", connect, info, frame));
        assertThat(inline.path("counts").path("trades").asLong()).isEqualTo(1);
        assertThat(inline.path("rejected").path("count").asLong()).isZero();
        assertThat(inline.path("input").path("instruments").asLong()).isEqualTo(1);
        assertThat(inline.path("taker").path("sellUsd").decimalValue()).isEqualByComparingTo("700"); // 7 x $100

        JsonNode beside = replay(write("BINANCE_DELIVERY.0", "configuration: {\"log\":{}}", info),
                write("BINANCE_DELIVERY.ws.2.0", connect, frame));
        assertThat(beside.path("counts").path("trades").asLong()).isEqualTo(1);
        assertThat(beside.path("rejected").path("count").asLong()).isZero();

        Cli alone = Cli.run("replay", "--format", "json", write("frames-only.ws.3.0", connect, frame).toString());
        assertThat(alone.exitCode()).isEqualTo(2); // nothing usable: COIN-M contracts need their size
        assertThat(alone.err()).startsWith("cascade: nothing usable was read (frames-only.ws.3.0: ")
                .endsWith("; rejected: unknown-instrument 1)\n");
        assertThat(alone.out()).isEmpty();
    }

    @Test
    void shouldReadARecordingRestLineWhoseBodyWasKeptAsText() throws IOException {
        String body = "{\\\"code\\\":\\\"0\\\",\\\"data\\\":[{\\\"instId\\\":\\\"BTC-USDT-SWAP\\\",\\\"instType\\\":\\\"SWAP\\\","
                + "\\\"ctType\\\":\\\"linear\\\",\\\"ctVal\\\":\\\"0.01\\\",\\\"ctMult\\\":\\\"1\\\",\\\"ctValCcy\\\":\\\"BTC\\\","
                + "\\\"uly\\\":\\\"BTC-USDT\\\",\\\"state\\\":\\\"live\\\"}]}";
        JsonNode o = replay(write("text-body.jsonl",
                "{\"ts\":1749131990000000,\"venue\":\"okx-swap\",\"rest\":\"/api/v5/public/instruments?instType=SWAP\","
                        + "\"frame\":\"" + body + "\"}",
                "{\"ts\":1749132000300000,\"venue\":\"okx-swap\",\"frame\":{\"arg\":{\"channel\":\"trades\",\"instId\":"
                        + "\"BTC-USDT-SWAP\"},\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"tradeId\":\"5\",\"px\":\"103000\","
                        + "\"sz\":\"10\",\"side\":\"buy\",\"ts\":\"1749132000250\",\"count\":\"1\"}]}}"));
        assertThat(o.path("input").path("instruments").asLong()).isEqualTo(1);
        assertThat(o.path("taker").path("buyUsd").decimalValue()).isEqualByComparingTo("10300"); // 10 x 0.01 BTC
    }

    @Test
    void shouldReadTheRealCoinmExchangeInfoAsACryptofeedRestCaptureBesideTheRealFrames() throws IOException {
        Path info = real("binance-coinm-exchangeInfo-2021-07-22.json");
        Path frames = real("cryptofeed-raw-BINANCE_DELIVERY.ws.1.0.txt.gz");
        // the layout cryptofeed writes its REST answers in (its .0 file beside the .ws files), built here from
        // the real body in a temporary folder
        Path capture = dir.resolve("BINANCE_DELIVERY.0");
        Files.writeString(capture, "https://dapi.binance.com/dapi/v1/exchangeInfo -> 1626916402.988238: "
                + Files.readString(info).strip() + "\n");
        JsonNode o = replay(capture, frames);
        assertThat(o.path("input").path("instruments").asLong()).isEqualTo(36);
        assertThat(o.path("counts").path("trades").asLong()).isEqualTo(45);
        assertThat(o.path("rejected").path("count").asLong()).isZero();
        // and inside the recording itself, as its first line after the connection
        Path inline = dir.resolve("BINANCE_DELIVERY.ws.1.0");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(frames))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", 2);
            Files.writeString(inline, lines[0] + "\n" + Files.readString(capture) + lines[1]);
        }
        JsonNode one = replay(inline);
        assertThat(one.path("counts").path("trades").asLong()).isEqualTo(45);
        assertThat(one.path("rejected").path("count").asLong()).isZero();
    }

    // ---- OKX spot and FUTURES frames keep their documented rejection ----

    @Test
    void shouldRejectTheSpotAndFuturesFramesOfARealOkxRecordingAsUnsupported() {
        JsonNode o = replay(real("cryptofeed-okx-2022-05-13.jsonl"));
        assertThat(o.path("input").path("instruments").asLong()).isEqualTo(166); // its instruments REST line
        // 69 BTC-USDT (spot) trades and 1 BTC-USD-220527 (FUTURES) trade; tickers and books are not read
        assertThat(o.path("rejected").path("byReason").path("unsupported-instrument").asLong()).isEqualTo(70);
        assertThat(o.path("rejected").path("count").asLong()).isEqualTo(70);
    }

    private static String aggTrade(long id, String symbol, String price, String qty, long millis) {
        return "{\"ts\":" + (millis * 1000 + 50_000) + ",\"venue\":\"binance-usdm\",\"frame\":{\"e\":\"aggTrade\",\"E\":"
                + (millis + 5) + ",\"a\":" + id + ",\"s\":\"" + symbol + "\",\"p\":\"" + price + "\",\"q\":\"" + qty
                + "\",\"f\":" + id + ",\"l\":" + id + ",\"T\":" + millis + ",\"m\":false}}";
    }
}
