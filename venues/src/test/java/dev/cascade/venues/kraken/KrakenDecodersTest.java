package dev.cascade.venues.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of Kraken Futures' trade feed, from the documented frames (research/venues-next.md §5). */
class KrakenDecodersTest {
    /** The real frame of the Tardis fixture (2020-07): a taker SELL liquidation, i.e. a LONG liquidated. */
    private static final String SAMPLE = "{\"feed\":\"trade\",\"product_id\":\"PI_XRPUSD\",\"uid\":"
            + "\"3ee209b8-bc9f-4ed5-965b-8c6208b26411\",\"side\":\"sell\",\"type\":\"liquidation\",\"seq\":41799,"
            + "\"time\":1593561965283,\"qty\":12000,\"price\":0.1736}";

    private final VenueDecoders decoders = Decode.withMetadata();

    private Decode.Result decode(String frame) {
        return Decode.frame(decoders, Venue.KRAKEN_FUTURES, frame);
    }

    @Test
    void shouldReadTheDocumentedSellLiquidationAsALongAndKeepTheTrade() {
        Decode.Result r = decode(SAMPLE);
        Liquidation l = r.events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.usd()).isEqualTo(12000); // PI_ inverse: qty is USD
        assertThat(l.coin().name()).isEqualTo("XRP");
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1593561965283L));
        assertThat(r.events().onlyTrade().takerSide()).isEqualTo(TakerSide.SELL);
    }

    @Test
    void shouldReadABuyLiquidationAsAShortOnALinearPerpetual() {
        Liquidation l = decode(SAMPLE.replace("\"sell\"", "\"buy\"").replace("PI_XRPUSD", "PF_XBTUSD")
                .replace("\"qty\":12000", "\"qty\":0.25").replace("0.1736", "103000.5")).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.usd()).isCloseTo(0.25 * 103000.5, within(1e-9));
        assertThat(l.coin().name()).isEqualTo("BTC");
    }

    @Test
    void shouldReadOrdinaryFillsAsTradesOnly() {
        Decode.Result r = decode(SAMPLE.replace("\"liquidation\"", "\"fill\""));
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().onlyTrade().usd()).isEqualTo(12000);
    }

    @Test
    void shouldReadEachFillOfASnapshot() {
        Decode.Result r = decode("{\"feed\":\"trade_snapshot\",\"product_id\":\"PI_XBTUSD\",\"trades\":["
                + "{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"uid\":\"a\",\"side\":\"buy\",\"type\":\"fill\",\"seq\":1,"
                + "\"time\":1749132000000,\"qty\":100,\"price\":103000},"
                + "{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"uid\":\"b\",\"side\":\"buy\",\"type\":\"liquidation\",\"seq\":2,"
                + "\"time\":1749132000100,\"qty\":500,\"price\":103010}]}");
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().trades).hasSize(2);
        assertThat(r.events().onlyLiquidation().side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldTakeEventsAndHeartbeatsAsControlFrames() {
        assertThat(decode("{\"event\":\"info\",\"version\":1}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"event\":\"subscribed\",\"feed\":\"trade\",\"product_ids\":[\"PI_XBTUSD\"]}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"feed\":\"heartbeat\",\"time\":1749132000000}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\"}").kind()).isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldDefineUsdPerpetualsAndSubscribeTheirTradesWithAHeartbeat() throws Exception {
        assertThat(decoders.instruments().find(Venue.KRAKEN_FUTURES.exchange(), "PI_XBTUSD").isInverse()).isTrue();
        assertThat(decoders.instruments().find(Venue.KRAKEN_FUTURES.exchange(), "PF_XBTUSD").isInverse()).isFalse();
        List<ConnectionSpec> specs = new KrakenFeedPlan().connections(URI.create("wss://futures.kraken.com/ws/v1"),
                List.of("PI_XBTUSD", "PF_XBTUSD"), Channels.LIQUIDATIONS_ONLY);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).subscribeMessages()).containsExactly("{\"event\":\"subscribe\",\"feed\":\"heartbeat\"}",
                "{\"event\":\"subscribe\",\"feed\":\"trade\",\"product_ids\":[\"PI_XBTUSD\",\"PF_XBTUSD\"]}");
        new ObjectMapper().readTree(specs.get(0).subscribeMessages().get(1)); // valid JSON
        assertThat(specs.get(0).isError().test("{\"event\":\"error\",\"message\":\"Invalid product id\"}")).isTrue();
    }
}
