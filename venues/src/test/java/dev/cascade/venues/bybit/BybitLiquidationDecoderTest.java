package dev.cascade.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Exchange;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import java.util.List;
import org.junit.jupiter.api.Test;

class BybitLiquidationDecoderTest {
    private final VenueDecoders decoders = Decode.withoutMetadata();

    @Test
    void shouldDecodeEveryLiquidationOfABatchWithBuyMeaningLong() {
        Decode.Result r = Decode.frame(decoders, Venue.BYBIT_LINEAR, """
                {"topic":"allLiquidation.ETHUSDT","type":"snapshot","ts":1749132000600,"data":[\
                {"T":1749132000101,"s":"ETHUSDT","S":"Buy","v":"12.50","p":"2401.27"},\
                {"T":1749132000433,"s":"ETHUSDT","S":"Sell","v":"0.80","p":"2420.00"}]}""");
        List<Liquidation> l = r.events().liquidations;
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).side()).isEqualTo(Side.LONG);
        assertThat(l.get(0).venue()).isEqualTo(Venue.BYBIT_LINEAR);
        assertThat(l.get(0).exchange()).isEqualTo(Exchange.BYBIT);
        assertThat(l.get(0).coin().name()).isEqualTo("ETH");
        assertThat(l.get(0).usd()).isEqualTo(12.5 * 2401.27);
        assertThat(l.get(0).exchangeMicros()).isEqualTo(1_749_132_000_101_000L);
        assertThat(l.get(0).receiveMicros()).isEqualTo(Decode.RECEIVED);
        assertThat(l.get(1).side()).isEqualTo(Side.SHORT);
        assertThat(l.get(1).usd()).isEqualTo(0.8 * 2420.0);
    }

    @Test
    void shouldTakeAnInverseSizeAsUsdWhateverThePrice() {
        Liquidation l = Decode.frame(decoders, Venue.BYBIT_INVERSE, """
                {"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1749135420500,"data":[\
                {"T":1749135420172,"s":"BTCUSD","S":"Buy","v":"8012000","p":"102390.5"}]}""", 1_749_135_420_600_000L)
                .events().onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.BYBIT_INVERSE);
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.usd()).isEqualTo(8_012_000.0);
        assertThat(l.instrument().coinQuantity(l.quantity(), l.price())).isEqualTo(8_012_000 / 102390.5);
    }

    @Test
    void shouldKeepTheGoodItemsOfABatchWithABadOne() {
        Decode.Result r = Decode.frame(decoders, Venue.BYBIT_LINEAR, """
                {"topic":"allLiquidation.SOLUSDT","type":"snapshot","ts":1749132000600,"data":[\
                {"T":1749132000101,"s":"SOLUSDT","S":"Buy","v":"-3","p":"150.1"},\
                {"T":1749132000102,"s":"SOLUSDT","S":"Buy","v":"3","p":"150.1"}]}""");
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().liquidations).hasSize(1);
        assertThat(r.events().rejectCount()).isEqualTo(1);
    }

    @Test
    void shouldSkipPongsAndSubscriptionAcks() {
        assertThat(Decode.frame(decoders, Venue.BYBIT_LINEAR,
                "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"c1\",\"req_id\":\"\",\"op\":\"ping\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BYBIT_LINEAR,
                "{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"c1\",\"req_id\":\"\",\"op\":\"subscribe\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
    }
}
