package dev.cascade.venues.binance.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.venues.Decode;
import dev.cascade.venues.codec.CsvRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisionDecodersTest {
    private final InstrumentRegistry instruments = Decode.withMetadata().instruments();

    private static CsvRow row(String line) {
        CsvRow row = new CsvRow();
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        row.split(b, 0, b.length);
        return row;
    }

    @Test
    void shouldTellKindsByHeaderOrByShape() {
        assertThat(VisionKind.ofHeader(row("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker")))
                .isEqualTo(VisionKind.AGG_TRADES);
        assertThat(VisionKind.ofHeader(row("create_time,symbol,sum_open_interest,sum_open_interest_value,a,b,c,d")))
                .isEqualTo(VisionKind.METRICS);
        assertThat(VisionKind.ofHeader(row("calc_time,funding_interval_hours,last_funding_rate")))
                .isEqualTo(VisionKind.FUNDING_RATE);
        assertThat(VisionKind.ofData(row("1715206948,29223.0,0.639,3643221425,3643221428,1682899200101,false")))
                .isEqualTo(VisionKind.AGG_TRADES);
        assertThat(VisionKind.ofData(row("51254697,9.96,18.8,187.248,1617840001352,false"))).isEqualTo(VisionKind.TRADES);
        assertThat(VisionKind.ofData(row("1704067200000,42314.0,42399.9,42289.6,42374.9,650.337,1704067259999,27546245.7,5811,378.1,16013562.6,0")))
                .isEqualTo(VisionKind.KLINES);
        assertThat(VisionKind.ofData(row("hello,world"))).isNull();
    }

    @Test
    void shouldDecodeAggTradesAndRejectZeroQuantities() {
        Decode.Result r = Decode.rows(VisionKind.AGG_TRADES.decoder(instruments, "BTCUSDT"),
                "1715206948,29223.0,0.639,3643221425,3643221428,1682899200101,false",
                "1715206949,29223.2,0.0,3643221429,3643221430,1682899200129,true");
        assertThat(r.events().onlyTrade().takerSide()).isEqualTo(TakerSide.BUY);
        assertThat(r.events().onlyTrade().usd()).isEqualTo(29223.0 * 0.639);
        assertThat(r.events().onlyTrade().exchangeMicros()).isEqualTo(Micros.ofMillis(1682899200101L));
        assertThat(r.events().rejects).containsEntry(Reject.NON_POSITIVE_SIZE, 1);
    }

    @Test
    void shouldDecodeCoinMTradesInContracts() {
        Decode.Result r = Decode.rows(VisionKind.TRADES.decoder(instruments, "ETHUSD_PERP"),
                "9001,2480.5,12,0.04837,1749132000207,true");
        assertThat(r.events().onlyTrade().takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(r.events().onlyTrade().usd()).isEqualTo(120.0);
    }

    @Test
    void shouldDecodeMetricsOpenInterestFromTheRowsOwnSymbol() {
        Decode.Result r = Decode.rows(VisionKind.METRICS.decoder(instruments, null),
                "2023-06-25 00:05:00,BTCUSD_PERP,5578209.00000000,18261.90678854,\"\",\"\",\"\",1.19645130",
                "2025-06-05 14:00:00,BTCUSDT,98666.16300000,10163000000.5,0.76,1.13,0.83,0.92");
        assertThat(r.events().openInterest.get(0).exchangeMicros()).isEqualTo(Micros.of(java.time.Instant.parse("2023-06-25T00:05:00Z")));
        assertThat(r.events().openInterest.get(0).usd()).isEqualTo(557_820_900.0);
        assertThat(r.events().openInterest.get(1).usd()).isEqualTo(10163000000.5);
        assertThat(r.events().openInterest.get(1).quantity()).isEqualTo(98666.163);
    }

    @Test
    void shouldDecodeKlinesWithUsdVolumes() {
        Decode.Result r = Decode.rows(VisionKind.KLINES.decoder(instruments, "BTCUSDT"),
                "1749132000000,103000.0,103100.0,102900.0,103050.0,650.5,1749132059999,67000000.5,5811,378.1,38900000.2,0");
        var c = r.events().candles.get(0);
        assertThat(c.intervalMicros()).isEqualTo(Micros.PER_MINUTE);
        assertThat(c.close()).isEqualTo(103050.0);
        assertThat(c.quoteVolume()).isEqualTo(67000000.5);
        assertThat(c.takerBuyQuoteVolume()).isEqualTo(38900000.2);
        assertThat(c.tradeCount()).isEqualTo(5811);
    }

    @Test
    void shouldDecodeFundingRates() {
        Decode.Result r = Decode.rows(VisionKind.FUNDING_RATE.decoder(instruments, "BTCUSD_PERP"),
                "1685577600011,8,0.00010000");
        assertThat(r.events().fundingRates.get(0).rate()).isEqualTo(0.0001);
        assertThat(r.events().fundingRates.get(0).exchangeMicros()).isEqualTo(Micros.ofMillis(1685577600011L));
    }
}
