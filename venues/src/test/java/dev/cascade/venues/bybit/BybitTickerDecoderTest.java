package dev.cascade.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class BybitTickerDecoderTest {
    private final VenueDecoders decoders = Decode.withoutMetadata();
    private final FrameDecoder bybit = decoders.forVenue(Venue.BYBIT_LINEAR);

    @Test
    void shouldMergeDeltasIntoTheSnapshotAndHalveBothSidesOpenInterest() {
        Decode.Result snapshot = Decode.frame(bybit, """
                {"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"103000.00",\
                "markPrice":"103001.10","indexPrice":"102998.70","openInterest":"60000.000",\
                "openInterestValue":"6180066000.00","nextFundingTime":"1749139200000","fundingRate":"0.0001",\
                "bid1Price":"102999.90","ask1Price":"103000.00"},"cs":1,"ts":1749132000000}""", Decode.RECEIVED);
        assertThat(snapshot.events().markPrices.get(0).markPrice()).isEqualTo(103001.10);
        assertThat(snapshot.events().markPrices.get(0).indexPrice()).isEqualTo(102998.70);
        assertThat(snapshot.events().fundingRates.get(0).rate()).isEqualTo(0.0001);
        assertThat(snapshot.events().fundingRates.get(0).nextFundingMicros()).isEqualTo(1_749_139_200_000_000L);
        assertThat(snapshot.events().openInterest.get(0).quantity()).isEqualTo(30000.0);
        assertThat(snapshot.events().openInterest.get(0).usd()).isEqualTo(3090033000.0);
        assertThat(snapshot.events().openInterest.get(0).exchangeMicros()).isEqualTo(1_749_132_000_000_000L);

        Decode.Result bookOnly = Decode.frame(bybit, """
                {"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","bid1Price":"102990.00",\
                "bid1Size":"1.302"},"cs":2,"ts":1749132000100}""", Decode.RECEIVED);
        assertThat(bookOnly.kind()).isEqualTo(FrameKind.DATA);
        assertThat(bookOnly.events().eventCount()).isZero();

        Decode.Result oiDelta = Decode.frame(bybit, """
                {"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","openInterest":"59000.000"},\
                "cs":3,"ts":1749132000200}""", Decode.RECEIVED);
        assertThat(oiDelta.events().openInterest).hasSize(1);
        assertThat(oiDelta.events().openInterest.get(0).quantity()).isEqualTo(29500.0);
        // the value was not in the delta: the last one stands until Bybit sends a new one
        assertThat(oiDelta.events().openInterest.get(0).usd()).isEqualTo(3090033000.0);
        assertThat(oiDelta.events().markPrices).isEmpty();
    }

    @Test
    void shouldPreferTheSingleSideFieldsWhenPresent() {
        Decode.Result r = Decode.frame(bybit, """
                {"topic":"tickers.ETHUSDT","type":"snapshot","data":{"symbol":"ETHUSDT","markPrice":"2400",\
                "openInterest":"200","openInterestValue":"480000","singleOpenInterest":"100",\
                "singleOpenInterestValue":"240000"},"cs":1,"ts":1749132000000}""", Decode.RECEIVED);
        assertThat(r.events().openInterest.get(0).quantity()).isEqualTo(100.0);
        assertThat(r.events().openInterest.get(0).usd()).isEqualTo(240000.0);
    }
}
