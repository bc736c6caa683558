package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.output.json.LiquidationJson;
import dev.cascade.testkit.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes every file in ../shared/fixtures/captured (real frames and file heads from the venues), each with
 * the captured instrument metadata beside it. Files Cascade understands must give the events listed here;
 * the rest must be reported as an unknown format, never crash. Skipped when the folder is absent.
 */
class CapturedFixturesTest {
    private static final String OKX_INSTRUMENTS = "okx_instruments_swap_ctVal_2022-05-13.json";
    private static final String BINANCE_CM_INFO = "binance_cm_exchangeInfo_contractSize_2021-07.json";

    /** What each understood file yields: liquidations, trades, mark prices, open interest, funding, rejects. */
    private record Expected(int liquidations, int trades, int markPrices, int openInterest, int fundingRates, int rejected) {
    }

    private static final Map<String, Expected> UNDERSTOOD = Map.ofEntries(
            Map.entry("binance_um_forceOrder.jsonl", new Expected(4, 0, 0, 0, 0, 0)),
            Map.entry("binance_cm_forceOrder.jsonl", new Expected(0, 0, 0, 0, 0, 1)), // BTCUSD_200925: not in the captured exchangeInfo
            Map.entry("binance_um_aggTrade.jsonl", new Expected(0, 4, 0, 0, 0, 0)),
            Map.entry("binance_um_markPrice.jsonl", new Expected(0, 0, 5, 0, 5, 0)),
            Map.entry("binance_um_cryptofeed_2021-07-22.txt", new Expected(0, 6, 0, 0, 0, 0)),
            Map.entry("binance_cm_cryptofeed_2021-07-22.txt", new Expected(0, 0, 0, 0, 0, 6)), // BCH, ETC, quarterly: no metadata
            // raw BitMEX frames carry no time at all (the table has none, the file no receive time): both inserts refused
            Map.entry("bitmex_liquidation.jsonl", new Expected(0, 0, 0, 0, 0, 2)),
            // Deribit: T with a taker sell and M with a taker buy, both longs; the names place the instrument
            Map.entry("deribit_trades_liquidation_flag.jsonl", new Expected(2, 2, 0, 0, 0, 0)),
            Map.entry("bybit_v5_allLiquidation.jsonl", new Expected(4, 0, 0, 0, 0, 0)),
            Map.entry("bybit_v5_liquidation_deprecated.jsonl", new Expected(2, 0, 0, 0, 0, 0)),
            Map.entry("bybit_v5_publicTrade.jsonl", new Expected(0, 3, 0, 0, 0, 0)),
            Map.entry("bybit_v5_tickers_linear.jsonl", new Expected(0, 0, 1, 1, 1, 0)),
            Map.entry("okx_liquidation_orders.jsonl", new Expected(1, 0, 0, 0, 0, 2)), // CELO: no metadata; FUTURES: unsupported
            Map.entry("okx_public_trades_oi_funding.jsonl", new Expected(0, 1, 0, 0, 0, 3)), // WNCG, FIL futures: no metadata
            Map.entry("okx_trades_cryptofeed_2022-05-13.txt", new Expected(0, 1, 0, 0, 0, 3)), // BTC-USD-220527 futures
            Map.entry("tardis_trades_binance-futures_BTCUSDT_2020-04-01_head.csv", new Expected(0, 2, 0, 0, 0, 0)),
            Map.entry("tardis_derivative_ticker_deribit_BTC-PERPETUAL.csv", new Expected(0, 0, 0, 0, 0, 3)), // deribit: not covered
            Map.entry("binance_vision_um_aggTrades_BTCUSDT-2023-05_head.csv", new Expected(0, 10, 0, 0, 0, 0)),
            Map.entry("binance_vision_um_aggTrades_ETHUSDT-2023-05_zero_qty.csv", new Expected(0, 0, 0, 0, 0, 1)),
            Map.entry("binance_vision_um_trades_OMGUSDT-2021-04-08_row.csv", new Expected(0, 1, 0, 0, 0, 0)),
            Map.entry("binance_vision_cm_liquidationSnapshot_BTCUSD_PERP-2023-06-25_head.csv", new Expected(2, 0, 0, 0, 0, 0)),
            Map.entry("binance_vision_cm_metrics_BTCUSD_PERP-2023-06-25_head.csv", new Expected(0, 0, 0, 3, 0, 0)),
            Map.entry("binance_vision_cm_fundingRate_BTCUSD_PERP-2023-06_head.csv", new Expected(0, 0, 0, 0, 3, 0)),
            Map.entry(OKX_INSTRUMENTS, new Expected(0, 0, 0, 0, 0, 0)),
            Map.entry(BINANCE_CM_INFO, new Expected(0, 0, 0, 0, 0, 0)));

    /** Market overview documents: how many snapshots or readings each gives. */
    private static final Map<String, Integer> OVERVIEW = Map.of(
            "alternative_me_fng_examples.jsonl", 3,
            "coingecko_coins_markets_bitcoin_2021-12-04.json", 1,
            "coingecko_global_2025-01-17.json", 1);

    private static Path captured() {
        assumeTrue(SharedFixtures.hasCaptured(), "../shared/fixtures/captured is absent: nothing to decode");
        return SharedFixtures.captured();
    }

    private static JsonNode replay(Path dir, String file) {
        Cli cli = Cli.run("replay", "--format", "json", dir.resolve(OKX_INSTRUMENTS).toString(),
                dir.resolve(BINANCE_CM_INFO).toString(), dir.resolve(file).toString());
        assertThat(cli.exitCode()).as(file + ": " + cli.err()).isZero();
        return cli.json();
    }

    @Test
    void shouldDecodeEveryCapturedFileItUnderstands() throws IOException {
        Path dir = captured();
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList();
        }
        assertThat(files).containsAll(UNDERSTOOD.keySet()).containsAll(OVERVIEW.keySet());
        for (String file : files) {
            JsonNode j = replay(dir, file);
            Expected e = UNDERSTOOD.get(file);
            if (OVERVIEW.containsKey(file)) {
                assertThat(j.path("counts").path("overview").asInt()).as(file).isEqualTo(OVERVIEW.get(file));
                assertThat(j.path("rejected").path("count").asLong()).as(file).isZero();
                continue;
            }
            if (e == null) {
                assertThat(j.path("rejected").path("byReason").path("unknown-format").asLong()).as(file).isEqualTo(1);
                assertThat(j.path("counts").path("liquidations").asLong() + j.path("counts").path("trades").asLong()).isZero();
                continue;
            }
            JsonNode events = j.path("counts");
            assertThat(events.path("liquidations").asLong()).as(file + " liquidations").isEqualTo(e.liquidations());
            assertThat(events.path("trades").asLong()).as(file + " trades").isEqualTo(e.trades());
            assertThat(events.path("markPrices").asLong()).as(file + " mark prices").isEqualTo(e.markPrices());
            assertThat(events.path("openInterest").asLong()).as(file + " open interest").isEqualTo(e.openInterest());
            assertThat(events.path("fundingRates").asLong()).as(file + " funding").isEqualTo(e.fundingRates());
            assertThat(j.path("rejected").path("count").asLong()).as(file + " rejects " + j.path("rejected"))
                    .isEqualTo(e.rejected());
        }
    }

    @Test
    void shouldGiveTheDocumentedSidesAndUsdValuesOfRealLiquidations() {
        Path dir = captured();
        JsonNode binance = replay(dir, "binance_um_forceOrder.jsonl").path("liquidations");
        // SELL 0.190 @ ap 82651.90 (long); BUY 127.2 @ 1.4912 (short); SELL 2049.1 @ 0.0722187 (long); BUY 0.014 @ 4706.04
        assertThat(binance.path("longCount").asLong()).isEqualTo(2);
        assertThat(binance.path("longUsd").decimalValue()).isEqualByComparingTo(usd(0.190 * 82651.90 + 2049.1 * 0.0722187));
        assertThat(binance.path("shortUsd").decimalValue()).isEqualByComparingTo(usd(127.2 * 1.4912 + 0.014 * 4706.04));
        JsonNode bybit = replay(dir, "bybit_v5_allLiquidation.jsonl").path("liquidations");
        assertThat(bybit.path("longCount").asLong()).isEqualTo(3); // "Buy" is a long position liquidated
        assertThat(bybit.path("shortUsd").decimalValue()).isEqualByComparingTo(usd(2846 * 0.02456));
        JsonNode retired = replay(dir, "bybit_v5_liquidation_deprecated.jsonl").path("liquidations");
        assertThat(retired.path("byVenue").path("bybit-inverse").path("shortUsd").decimalValue()).isEqualByComparingTo("6949");
        JsonNode okx = replay(dir, "okx_liquidation_orders.jsonl").path("liquidations");
        assertThat(okx.path("longUsd").decimalValue()).isEqualByComparingTo(usd(8.55 * 0.01 * 82655.7));
        JsonNode coinm = replay(dir, "binance_vision_cm_liquidationSnapshot_BTCUSD_PERP-2023-06-25_head.csv");
        assertThat(coinm.path("liquidations").path("shortUsd").decimalValue()).isEqualByComparingTo("5000"); // (7 + 43) x 100
        assertThat(coinm.path("duplicates").path("liquidations").asLong()).isEqualTo(1);
    }

    @Test
    void shouldReadTheMarketOverviewAndThePublishedFearAndGreed() {
        Path dir = captured();
        JsonNode global = replay(dir, "coingecko_global_2025-01-17.json").path("overview");
        assertThat(global.path("time").asText()).isEqualTo("2025-01-17T09:13:45Z");
        assertThat(global.path("totalMarketCapUsd").decimalValue()).isEqualByComparingTo("3751351705612.96");
        assertThat(global.path("btcDominancePct").asDouble()).isEqualTo(53.993);
        JsonNode page = replay(dir, "coingecko_coins_markets_bitcoin_2021-12-04.json").path("overview");
        assertThat(page.path("topLosers").get(0).path("symbol").asText()).isEqualTo("BTC");
        assertThat(page.path("topLosers").get(0).path("changePct24h").asDouble()).isEqualTo(-16.4412);
        JsonNode sentiment = replay(dir, "alternative_me_fng_examples.jsonl").path("sentiment");
        assertThat(sentiment.path("value").isNull()).isTrue(); // no market data to score
        assertThat(sentiment.path("published").path("value").asInt()).isEqualTo(47); // the latest of three readings
        assertThat(sentiment.path("published").path("time").asText()).isEqualTo("2026-04-27T00:00:00Z");
    }

    private static java.math.BigDecimal usd(double v) {
        return LiquidationJson.usd(v);
    }
}
