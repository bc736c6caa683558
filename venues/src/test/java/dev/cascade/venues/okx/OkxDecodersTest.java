package dev.cascade.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Exchange;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Liquidation;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class OkxDecodersTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldValueALinearSwapLiquidationInContractsOfCtVal() {
        Liquidation l = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0",\
                "bkPx":"2399.5","ccy":"","posSide":"net","side":"sell","sz":"1250.5","ts":"1749132003456"}],\
                "instFamily":"ETH-USDT","instId":"ETH-USDT-SWAP","instType":"SWAP","uly":"ETH-USDT"}]}\
                """).events().onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.OKX_SWAP);
        assertThat(l.exchange()).isEqualTo(Exchange.OKX);
        assertThat(l.coin().name()).isEqualTo("ETH");
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.quantity()).isEqualTo(1250.5);
        assertThat(l.usd()).isEqualTo(1250.5 * 0.1 * 2399.5);
        assertThat(l.exchangeMicros()).isEqualTo(1_749_132_003_456_000L);
        assertThat(l.receiveMicros()).isEqualTo(Decode.RECEIVED);
    }

    @Test
    void shouldValueAnInverseSwapLiquidationInUsdContracts() {
        Liquidation l = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0",\
                "bkPx":"0.1905","ccy":"","posSide":"short","side":"buy","sz":"4400","ts":"1749132003456"}],\
                "instFamily":"DOGE-USD","instId":"DOGE-USD-SWAP","instType":"SWAP","uly":"DOGE-USD"}]}\
                """).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.usd()).isEqualTo(44000.0);
    }

    @Test
    void shouldRejectFuturesOrdersAsOutsideTheSwapVenue() {
        Decode.Result r = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"liquidation-orders","instType":"FUTURES"},"data":[{"details":[{"bkLoss":"0",\
                "bkPx":"0.55","ccy":"","posSide":"short","side":"buy","sz":"39","ts":"1680173247614"}],\
                "instFamily":"XRP-USD","instId":"XRP-USD-230929","instType":"FUTURES","uly":"XRP-USD"}]}""");
        assertThat(r.events().rejects).containsEntry(Reject.UNSUPPORTED_INSTRUMENT, 1);
    }

    @Test
    void shouldRejectSpotAndFuturesFramesAsOutsideTheSwapVenueAndMissingSwapsAsUnknown() {
        // the shapes of a real 2022 recording: the public channels carry spot and FUTURES instruments too
        Decode.Result r = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"trades","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","tradeId":"302471617",\
                "px":"29535.8","sz":"0.00012","side":"buy","ts":"1652459228466"},{"instId":"BTC-USD-220527",\
                "tradeId":"13475","px":"29560","sz":"1","side":"sell","ts":"1652459228467"},{"instId":"CELO-USDT-SWAP",\
                "tradeId":"1","px":"1.5","sz":"1","side":"sell","ts":"1652459228468"}]}""");
        assertThat(r.events().rejects).containsEntry(Reject.UNSUPPORTED_INSTRUMENT, 2)
                .containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
        Decode.Result oi = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"open-interest","instId":"FIL-USD-220624"},"data":[{"instId":"FIL-USD-220624",\
                "instType":"FUTURES","oi":"25","oiCcy":"2","ts":"1652459228466"}]}""");
        assertThat(oi.events().rejects).containsOnlyKeys(Reject.UNSUPPORTED_INSTRUMENT);
    }

    @Test
    void shouldDecodeTradesInContracts() {
        Trade t = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP",\
                "tradeId":"1429384756","px":"103005.1","sz":"42","side":"sell","ts":"1749132000333","count":"2"}]}\
                """).events().onlyTrade();
        assertThat(t.takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.id()).isEqualTo(1429384756L);
        assertThat(t.usd()).isEqualTo(42 * 0.01 * 103005.1);
        assertThat(t.exchangeMicros()).isEqualTo(1_749_132_000_333_000L);
    }

    @Test
    void shouldDecodeOpenInterestWithAndWithoutItsUsdValue() {
        OpenInterest linear = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP",\
                "instType":"SWAP","oi":"2500000","oiCcy":"25000","oiUsd":"2575000000","ts":"1749132003000"}]}\
                """).events().openInterest.get(0);
        assertThat(linear.quantity()).isEqualTo(2_500_000.0);
        assertThat(linear.usd()).isEqualTo(2_575_000_000.0);
        OpenInterest inverse = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"open-interest","instId":"BTC-USD-SWAP"},"data":[{"instId":"BTC-USD-SWAP",\
                "instType":"SWAP","oi":"5000000","oiCcy":"4854","ts":"1749132003000"}]}""").events().openInterest.get(0);
        assertThat(inverse.usd()).isEqualTo(500_000_000.0);
    }

    @Test
    void shouldDecodeFundingWithTheUpcomingSettlementAsNextFunding() {
        FundingRate f = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"funding-rate","instId":"BTC-USD-SWAP"},"data":[{"formulaType":"noRate",\
                "fundingRate":"0.0000712","fundingTime":"1749139200000","instId":"BTC-USD-SWAP","instType":"SWAP",\
                "method":"current_period","nextFundingTime":"1749168000000","ts":"1749132030000"}]}\
                """).events().fundingRates.get(0);
        assertThat(f.rate()).isEqualTo(0.0000712);
        assertThat(f.nextFundingMicros()).isEqualTo(1_749_139_200_000_000L);
        assertThat(f.exchangeMicros()).isEqualTo(1_749_132_030_000_000L);
    }

    @Test
    void shouldSkipPongAndEvents() {
        assertThat(Decode.frame(decoders, Venue.OKX_SWAP, "\"pong\"").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.OKX_SWAP,
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"a4d3\"}")
                .kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.OKX_SWAP,
                "{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\",\"connId\":\"a4d3\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
    }

    @Test
    void shouldRejectAnyInstrumentWithoutMetadata() {
        Decode.Result r = Decode.frame(Decode.withoutMetadata(), Venue.OKX_SWAP, """
                {"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP",\
                "tradeId":"1","px":"103005.1","sz":"42","side":"sell","ts":"1749132000333"}]}""");
        assertThat(r.events().rejects).containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
    }
}
