package dev.cascade.venues.tardis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.codec.CsvRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TardisDecodersTest {
    private final InstrumentRegistry instruments = Decode.withMetadata().instruments();

    @Test
    void shouldDecodeTradesWithMicrosecondTimesAndTakerSides() {
        Decode.Result r = Decode.rows(TardisTradesDecoder.trades(instruments),
                "binance-futures,BTCUSDT,1749132000245000,1749132000355684,2712345001,sell,103010.5,0.011",
                "bybit,BTCUSD,1749132000300000,1749132000301000,0cbf2330-952d-5d03-a462-4bf826c867af,buy,103011,5000",
                "okex-swap,BTC-USDT-SWAP,1749132000400000,1749132000401000,1429384756,unknown,103012,3");
        Trade binance = r.events().trades.get(0);
        assertThat(binance.venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(binance.takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(binance.id()).isEqualTo(2712345001L);
        assertThat(binance.usd()).isEqualTo(103010.5 * 0.011);
        assertThat(binance.exchangeMicros()).isEqualTo(1_749_132_000_245_000L);
        assertThat(binance.receiveMicros()).isEqualTo(1_749_132_000_355_684L);
        Trade bybit = r.events().trades.get(1);
        assertThat(bybit.venue()).isEqualTo(Venue.BYBIT_INVERSE);
        assertThat(bybit.usd()).isEqualTo(5000.0);
        Trade okx = r.events().trades.get(2);
        assertThat(okx.takerSide()).isEqualTo(TakerSide.UNKNOWN);
        assertThat(okx.usd()).isEqualTo(3 * 0.01 * 103012);
    }

    @Test
    void shouldRejectVenuesCascadeDoesNotCoverAndShortRows() {
        Decode.Result r = Decode.rows(TardisTradesDecoder.trades(instruments),
                "deribit,BTC-PERPETUAL,1749132000245000,1749132000355684,1,buy,103010.5,100",
                "binance-futures,BTCUSDT,1749132000245000");
        assertThat(r.events().rejects).containsEntry(Reject.UNSUPPORTED_VENUE, 1).containsEntry(Reject.MALFORMED_CSV, 1);
    }

    @Test
    void shouldDecodeDerivativeTickerRowsIntoMarkFundingAndOpenInterest() {
        Decode.Result r = Decode.rows(new TardisDerivativeTickerDecoder(instruments),
                "binance-futures,BTCUSDT,1749132000000000,1749132000012000,1749139200000000,0.0001,,31350.5,103000.1,102998.0,103001.0",
                "okex-swap,BTC-USD-SWAP,1749132000000000,1749132000012000,,,,5000000,,,");
        assertThat(r.events().markPrices.get(0).markPrice()).isEqualTo(103001.0);
        assertThat(r.events().markPrices.get(0).indexPrice()).isEqualTo(102998.0);
        assertThat(r.events().fundingRates.get(0).nextFundingMicros()).isEqualTo(1_749_139_200_000_000L);
        assertThat(r.events().openInterest.get(0).usd()).isEqualTo(31350.5 * 103001.0);
        assertThat(r.events().openInterest.get(1).usd()).isEqualTo(500_000_000.0);
        assertThat(r.events().openInterest.get(1).receiveMicros()).isEqualTo(1_749_132_000_012_000L);
    }

    @Test
    void shouldRecogniseItsHeaders() {
        CsvRow row = new CsvRow();
        byte[] trades = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount".getBytes(StandardCharsets.US_ASCII);
        row.split(trades, 0, trades.length);
        assertThat(TardisTradesDecoder.matchesHeader(row)).isTrue();
        assertThat(TardisDerivativeTickerDecoder.matchesHeader(row)).isFalse();
    }
}
