package dev.cascade.venues.bitget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

/** Golden tests of Bitget's liquidation topic, from the documented and the real frame (research/venues-next.md §7). */
class BitgetDecodersTest {
    /** The doc frame: side buy is the liquidated POSITION, a long. */
    private static final String DOC = "{\"data\":[{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"price\":\"89000\",\"amount\":\"37.722858\","
            + "\"ts\":\"1736371332162\"}],\"arg\":{\"instType\":\"usdt-futures\",\"topic\":\"liquidation\"},\"action\":\"update\","
            + "\"ts\":1736371332162}";
    /** The real frame (2026-04-28): two pairs in one push, unknown to any metadata but placed by their symbols. */
    private static final String REAL = "{\"action\":\"update\",\"arg\":{\"instType\":\"usdt-futures\",\"topic\":\"liquidation\"},"
            + "\"data\":[{\"symbol\":\"APEUSDT\",\"side\":\"buy\",\"price\":\"0.1649\",\"amount\":\"13.70319\",\"ts\":\"1777358886549\"},"
            + "{\"symbol\":\"IPUSDT\",\"side\":\"buy\",\"price\":\"0.500280739469\",\"amount\":\"143.330431857868\","
            + "\"ts\":\"1777358876983\"}],\"ts\":1777358897167}";

    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadABuyAsALongWhoseUsdIsTheAmount() {
        Liquidation l = Decode.frame(decoders, Venue.BITGET_USDTM, DOC).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.usd()).isCloseTo(37.722858, within(1e-9));
        assertThat(l.quantity()).isCloseTo(37.722858 / 89000, within(1e-15));
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1736371332162L));
        assertThat(l.venue().isLiquidationFeedComplete()).as("one long and one short per pair per second").isFalse();
    }

    @Test
    void shouldReadASellAsAShort() {
        assertThat(Decode.frame(decoders, Venue.BITGET_USDTM, DOC.replace("\"buy\"", "\"sell\"")).events().onlyLiquidation()
                .side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldReadEveryPairOfAPushInWholeLots() {
        Decode.Result r = Decode.frame(decoders.forVenue(Venue.BITGET_USDTM), REAL, Micros.ofMillis(1777358897200L));
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().liquidations).hasSize(2);
        assertThat(r.events().liquidations.get(0).quantity()).isCloseTo(83.1, within(1e-9)); // APE
        assertThat(r.events().liquidations.get(1).quantity()).isCloseTo(286.5, within(1e-9)); // IP
        assertThat(r.events().liquidations.get(1).coin().name()).isEqualTo("IP");
    }

    @Test
    void shouldTakeRepliesAndPongAsControlFrames() {
        assertThat(Decode.frame(decoders, Venue.BITGET_USDTM, "{\"event\":\"subscribe\",\"arg\":{\"instType\":\"usdt-futures\","
                + "\"topic\":\"liquidation\"}}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITGET_USDTM, "\"pong\"").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITGET_USDTM, "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"usdt-futures\","
                + "\"topic\":\"ticker\",\"symbol\":\"BTCUSDT\"},\"data\":[]}").kind()).isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldSubscribeTheLiquidationTopicOnceForEveryPairAndPingEveryThirtySeconds() {
        var specs = new BitgetFeedPlan().connections(java.net.URI.create("wss://ws.bitget.com/v3/ws/public"),
                java.util.List.of("BTCUSDT", "ETHUSDT"), dev.cascade.venues.feed.Channels.ALL);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).subscribeMessages())
                .containsExactly("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"usdt-futures\",\"topic\":\"liquidation\"}]}");
        assertThat(specs.get(0).keepalive()).isEqualTo(dev.cascade.venues.feed.Keepalive.textEvery("ping",
                java.time.Duration.ofSeconds(30)));
        assertThat(decoders.instruments().find(Venue.BITGET_USDTM.exchange(), "ETHUSDT").coin().name()).isEqualTo("ETH");
    }
}
