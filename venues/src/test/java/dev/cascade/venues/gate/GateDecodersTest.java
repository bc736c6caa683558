package dev.cascade.venues.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of Gate's futures.public_liquidates, from the two documented frames (research/venues-next.md §4).
 * The side follows the official docs (size is the liquidation ORDER's quantity): these tests pin that reading.
 */
class GateDecodersTest {
    /** The current doc frame (2026-08-20): decimal strings, event time in {@code time} (ms), a batch of two. */
    private static final String DOC = "{\"channel\":\"futures.public_liquidates\",\"event\":\"update\",\"time\":1541505434,"
            + "\"time_ms\":1541505434123,\"result\":[{\"price\":\"215.1\",\"size\":\"-124.5\",\"time\":1541486601123,"
            + "\"contract\":\"BTC_USDT\"},{\"price\":\"215.2\",\"size\":\"-10.5\",\"time\":1541486601456,\"contract\":\"BTC_USDT\"}]}";
    /** The 2025 doc frame: numbers, {@code time_ms}; its BTC_USD contract is BTC-settled, which Cascade does not read. */
    private static final String DOC_2025 = "{\"channel\":\"futures.public_liquidates\",\"event\":\"update\",\"time\":1541505434,"
            + "\"time_ms\":1541505434123,\"result\":[{\"price\":215.1,\"size\":-124,\"time_ms\":1541486601123,\"contract\":\"BTC_USD\"}]}";

    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadANegativeOrderSizeAsALongAsTheOfficialDocsDefineIt() {
        Decode.Result r = Decode.frame(decoders, Venue.GATE_LINEAR, DOC);
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().liquidations).hasSize(2);
        Liquidation l = r.events().liquidations.get(0);
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.quantity()).isEqualTo(124.5);
        assertThat(l.usd()).as("contracts x quanto_multiplier x price").isCloseTo(124.5 * 0.0001 * 215.1, within(1e-9));
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1541486601123L));
        assertThat(r.events().liquidations.get(1).exchangeMicros()).isEqualTo(Micros.ofMillis(1541486601456L));
    }

    @Test
    void shouldReadAPositiveOrderSizeAsAShort() {
        Liquidation l = Decode.frame(decoders, Venue.GATE_LINEAR, DOC_2025.replace("BTC_USD\"", "ETH_USDT\"").replace("-124", "124"))
                .events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.usd()).isCloseTo(124 * 0.01 * 215.1, within(1e-9));
        assertThat(l.exchangeMicros()).as("time_ms of the older docs").isEqualTo(Micros.ofMillis(1541486601123L));
    }

    @Test
    void shouldKeepTheDisputedRuleInOneMethod() {
        assertThat(GateLiquidationDecoder.liquidatedSide(-1)).isEqualTo(Side.LONG);
        assertThat(GateLiquidationDecoder.liquidatedSide(1)).isEqualTo(Side.SHORT);
        assertThat(GateLiquidationDecoder.liquidatedSide(0)).isNull();
    }

    @Test
    void shouldNotPlaceAContractTheListDidNotName() {
        assertThat(Decode.frame(decoders, Venue.GATE_LINEAR, DOC_2025).events().rejects)
                .as("BTC_USD is BTC-settled").containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
        assertThat(Decode.frame(Decode.withoutMetadata(), Venue.GATE_LINEAR, DOC).events().rejects)
                .containsEntry(Reject.UNKNOWN_INSTRUMENT, 2);
    }

    @Test
    void shouldTakeRepliesAndPongsAsControlFrames() {
        assertThat(Decode.frame(decoders, Venue.GATE_LINEAR, "{\"time\":1749132000,\"time_ms\":1749132000120,\"channel\":"
                + "\"futures.public_liquidates\",\"event\":\"subscribe\",\"payload\":[\"!all\"],\"result\":{\"status\":\"success\"}}")
                .kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.GATE_LINEAR, "{\"time\":1749132000,\"channel\":\"futures.pong\",\"event\":\"\","
                + "\"result\":null}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.GATE_LINEAR, "{\"time\":1,\"channel\":\"futures.tickers\",\"event\":\"update\","
                + "\"result\":[]}").kind()).isEqualTo(FrameKind.IGNORED);
        assertThat(Decode.frame(decoders, Venue.GATE_LINEAR, "{\"a\":1}").events().rejects).containsEntry(Reject.UNKNOWN_MESSAGE, 1);
    }

    @Test
    void shouldSubscribeEveryContractOnce() {
        List<ConnectionSpec> specs = new GateFeedPlan().connections(URI.create("wss://fx-ws.gateio.ws"), List.of("BTC_USDT"), Channels.ALL);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).uri()).isEqualTo(URI.create("wss://fx-ws.gateio.ws/v4/ws/usdt"));
        assertThat(specs.get(0).subscribeMessages())
                .containsExactly("{\"channel\":\"futures.public_liquidates\",\"event\":\"subscribe\",\"payload\":[\"!all\"]}");
        assertThat(specs.get(0).isError().test("{\"time\":1,\"channel\":\"futures.public_liquidates\",\"event\":\"subscribe\","
                + "\"error\":{\"code\":2,\"message\":\"unknown contract\"},\"result\":null}")).isTrue();
        assertThat(specs.get(0).isError().test("{\"time\":1,\"channel\":\"futures.pong\",\"event\":\"\",\"error\":null,"
                + "\"result\":null}")).isFalse();
    }
}
