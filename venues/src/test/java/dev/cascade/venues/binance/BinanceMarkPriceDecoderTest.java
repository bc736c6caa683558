package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.FundingRate;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class BinanceMarkPriceDecoderTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldEmitMarkPriceAndFundingToleratingUndocumentedFields() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"stream":"btcusdt@markPrice@1s","data":{"e":"markPriceUpdate","E":1749132001000,"s":"BTCUSDT",\
                "p":"103001.50000000","ap":"103001.5","P":"103010.1","i":"102995.25","r":"0.00008514",\
                "T":1749139200000,"st":1}}""");
        MarkPrice m = r.events().markPrices.get(0);
        FundingRate f = r.events().fundingRates.get(0);
        assertThat(m.markPrice()).isEqualTo(103001.5);
        assertThat(m.indexPrice()).isEqualTo(102995.25);
        assertThat(m.exchangeMicros()).isEqualTo(1_749_132_001_000_000L);
        assertThat(m.receiveMicros()).isEqualTo(Decode.RECEIVED);
        assertThat(f.rate()).isEqualTo(0.00008514);
        assertThat(f.nextFundingMicros()).isEqualTo(1_749_139_200_000_000L);
        assertThat(f.instrument().symbol()).isEqualTo("BTCUSDT");
    }

    @Test
    void shouldUnrollTheAllMarketArray() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"stream":"!markPrice@arr@1s","data":[\
                {"e":"markPriceUpdate","E":1749132001000,"s":"BTCUSDT","p":"103001.5","i":"102995.2","r":"0.0001","T":1749139200000},\
                {"e":"markPriceUpdate","E":1749132001000,"s":"ETHUSDT","p":"2480.1","i":"2479.9","r":"-0.00002","T":1749139200000}]}""");
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().markPrices).extracting(m -> m.instrument().symbol()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(r.events().fundingRates).extracting(FundingRate::rate).containsExactly(0.0001, -0.00002);
    }

    @Test
    void shouldEmitNoFundingForDeliveryContractsAndAcceptOldFramesWithoutIndex() {
        Decode.Result delivery = Decode.frame(decoders, Venue.BINANCE_COINM, """
                {"e":"markPriceUpdate","E":1749132001000,"s":"BTCUSD_250926","p":"104500.1","i":"103000.0",\
                "P":"0","r":"","T":0}""");
        assertThat(delivery.events().markPrices).hasSize(1);
        assertThat(delivery.events().fundingRates).isEmpty();
        Decode.Result old = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"markPriceUpdate","E":1569888003001,"s":"BTCUSDT","p":"8291.34697815","r":"0.00010000",\
                "T":1569916800000}""");
        assertThat(old.events().markPrices.get(0).indexPrice()).isNaN();
        assertThat(old.events().fundingRates.get(0).rate()).isEqualTo(0.0001);
    }
}
