package dev.cascade.venues.dydx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of dYdX v4's {@code v4_trades}, from the documented frame (research/venues-next.md §6; the
 * fixture files it under BTC-USD at a price of 22.87, an edited fixture, so it is read here as APE-USD).
 */
class DydxDecodersTest {
    private static final String SAMPLE = "{\"type\":\"channel_data\",\"connection_id\":\"3a2e4c0c-7579-4bf6-a570-e0979418bbe9\","
            + "\"message_id\":424,\"id\":\"APE-USD\",\"channel\":\"v4_trades\",\"version\":\"2.1.0\",\"contents\":{\"trades\":"
            + "[{\"id\":\"014f495a0000000200000005\",\"side\":\"SELL\",\"size\":\"3.9\",\"price\":\"22.87\",\"type\":\"LIQUIDATED\","
            + "\"createdAt\":\"2024-08-04T07:34:50.628Z\"}]}}";

    private final VenueDecoders decoders = Decode.withMetadata();

    private Decode.Result decode(String frame) {
        return Decode.frame(decoders, Venue.DYDX, frame);
    }

    @Test
    void shouldReadTheDocumentedSellLiquidationAsALongAndKeepTheTrade() {
        Decode.Result r = decode(SAMPLE);
        Liquidation l = r.events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.usd()).isCloseTo(3.9 * 22.87, within(1e-9));
        assertThat(l.coin().name()).isEqualTo("APE");
        assertThat(l.exchangeMicros()).isEqualTo(Micros.of(Instant.parse("2024-08-04T07:34:50.628Z")));
        assertThat(r.events().onlyTrade().takerSide()).isEqualTo(TakerSide.SELL);
    }

    @Test
    void shouldReadABuyLiquidationAsAShort() {
        assertThat(decode(SAMPLE.replace("\"SELL\"", "\"BUY\"")).events().onlyLiquidation().side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldKeepDeleveragedAndLimitTradesAsTradesOnly() {
        for (String type : new String[] {"DELEVERAGED", "LIMIT"}) {
            Decode.Result r = decode(SAMPLE.replace("LIQUIDATED", type));
            assertThat(r.events().liquidations).as(type).isEmpty();
            assertThat(r.events().trades).as(type).hasSize(1);
        }
    }

    @Test
    void shouldReadBatchesAndTheSubscriptionSnapshot() {
        String trade = "{\"id\":\"a1\",\"side\":\"BUY\",\"size\":\"0.5\",\"price\":\"103000\",\"type\":\"LIMIT\","
                + "\"createdAt\":\"2025-06-05T14:00:00.120Z\"}";
        Decode.Result batch = decode("{\"type\":\"channel_batch_data\",\"connection_id\":\"c\",\"message_id\":5,\"id\":\"BTC-USD\","
                + "\"channel\":\"v4_trades\",\"version\":\"2.1.0\",\"contents\":[{\"trades\":[" + trade + "]},{\"trades\":["
                + trade.replace("a1", "a2").replace("LIMIT", "LIQUIDATED") + "]}]}");
        assertThat(batch.kind()).isEqualTo(FrameKind.DATA);
        assertThat(batch.events().trades).hasSize(2);
        assertThat(batch.events().onlyLiquidation().side()).isEqualTo(Side.SHORT);
        Decode.Result snapshot = decode("{\"type\":\"subscribed\",\"connection_id\":\"c\",\"message_id\":1,\"channel\":\"v4_trades\","
                + "\"id\":\"BTC-USD\",\"contents\":{\"trades\":[" + trade + "]}}");
        assertThat(snapshot.events().trades).hasSize(1);
    }

    @Test
    void shouldTakeConnectedAndErrorsAsControlFramesAndOtherChannelsAsIgnored() {
        assertThat(decode("{\"type\":\"connected\",\"connection_id\":\"c\",\"message_id\":0}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"type\":\"error\",\"message\":\"Invalid subscribe message\",\"connection_id\":\"c\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"type\":\"channel_data\",\"connection_id\":\"c\",\"channel\":\"v4_orderbook\",\"id\":\"BTC-USD\","
                + "\"contents\":{}}").kind()).isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldDefineUsdMarketsAndSubscribeEachOnesTrades() {
        assertThat(decoders.instruments().find(Venue.DYDX.exchange(), "BTC-USD").isInverse()).isFalse();
        List<ConnectionSpec> specs = new DydxFeedPlan().connections(URI.create("wss://indexer.dydx.trade/v4/ws"),
                List.of("BTC-USD", "ETH-USD"), Channels.ALL);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).subscribeMessages()).containsExactly(
                "{\"type\":\"subscribe\",\"channel\":\"v4_trades\",\"id\":\"BTC-USD\",\"batched\":true}",
                "{\"type\":\"subscribe\",\"channel\":\"v4_trades\",\"id\":\"ETH-USD\",\"batched\":true}");
    }
}
