package dev.cascade.venues.bitfinex;

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

/** Golden tests of Bitfinex's liq:global, from the documented and the real rows (research/venues-next.md §8). */
class BitfinexDecodersTest {
    /** The real frame (2020-06, recorded with seq and ts appended): a long of 0.00268657 BTC at 9080. */
    private static final String REAL = "[386841,[[\"pos\",143683674,1593522802742,null,\"tBTCF0:USTF0\",0.00268657,9135.972557016,"
            + "null,0,1,null,9080]],7,1593566593351]";
    /** The docs' row: a margin position (tBSVUSD), with a fractional-millisecond time. */
    private static final String DOC_MARGIN = "[91684,[[\"pos\",142397657,1574697680828.2002,null,\"tBSVUSD\",-2.62932,91.583875238719,"
            + "null,1,1,null,112.27]]]";

    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadAPositiveAmountAsALongValuedAtThePriceAcquired() {
        Liquidation l = Decode.frame(decoders, Venue.BITFINEX, REAL).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.quantity()).isEqualTo(0.00268657);
        assertThat(l.price()).as("PRICE_ACQUIRED, not the entry price").isEqualTo(9080.0);
        assertThat(l.usd()).isCloseTo(0.00268657 * 9080, within(1e-9));
        assertThat(l.coin().name()).isEqualTo("BTC");
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1593522802742L));
        assertThat(l.venue().isLiquidationFeedComplete()).isTrue();
    }

    @Test
    void shouldReadANegativeAmountAsAShort() {
        Liquidation l = Decode.frame(decoders, Venue.BITFINEX, REAL.replace("0.00268657", "-0.5")).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.quantity()).isEqualTo(0.5);
        assertThat(l.usd()).isCloseTo(4540, within(1e-9));
    }

    @Test
    void shouldKeepMarginPositionsApartFromTheDerivatives() {
        Decode.Result r = Decode.frame(decoders, Venue.BITFINEX, DOC_MARGIN.replace(",1,1,null,112.27", ",0,1,null,112.27"));
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().rejects).containsEntry(Reject.UNSUPPORTED_INSTRUMENT, 1);
    }

    @Test
    void shouldCountATriggerOnceAndNotItsMarketExecutions() {
        String trigger = "[\"pos\",143683674,1593522802742,null,\"tBTCF0:USTF0\",0.00268657,9135.97,null,0,1,null,9080]";
        String execution = trigger.replace(",0,1,null,9080]", ",1,1,null,9079.5]");
        Decode.Result r = Decode.frame(decoders, Venue.BITFINEX, "[386841,[" + trigger + "," + execution + "]]");
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().liquidations).hasSize(1);
        assertThat(Decode.frame(decoders, Venue.BITFINEX, DOC_MARGIN).kind()).as("a match row only").isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldAcceptTheDocumentedFractionalMillisecondTime() {
        Liquidation l = Decode.frame(decoders, Venue.BITFINEX, DOC_MARGIN.replace("tBSVUSD", "tBTCF0:USTF0")
                .replace(",1,1,null,112.27", ",0,1,null,112.27")).events().onlyLiquidation();
        assertThat(l.exchangeMicros()).isEqualTo(1574697680828200L);
        assertThat(l.side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldTakeEventsAndHeartbeatsAsControlAndOtherKeysAsIgnored() {
        assertThat(Decode.frame(decoders, Venue.BITFINEX, "{\"event\":\"subscribed\",\"channel\":\"status\",\"chanId\":91684,"
                + "\"key\":\"liq:global\"}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITFINEX, "[91684,\"hb\"]").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITFINEX, "[5,[1749132000000,null,103010.5]]").kind()).isEqualTo(FrameKind.IGNORED);
        assertThat(Decode.frame(decoders, Venue.BITFINEX, "[\"x\"]").events().rejects).containsEntry(Reject.UNKNOWN_MESSAGE, 1);
        assertThat(Decode.frame(decoders, Venue.BITFINEX, REAL.replace("tBTCF0:USTF0", "tBTCF0:EUTF0")).events().rejects)
                .as("quoted in EURt").containsEntry(Reject.NON_USD_QUOTE, 1);
    }

    @Test
    void shouldSubscribeTheGlobalLiquidationKeyOnce() {
        List<ConnectionSpec> specs = new BitfinexFeedPlan().connections(URI.create("wss://api-pub.bitfinex.com"),
                List.of("tBTCF0:USTF0"), Channels.ALL);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).uri()).isEqualTo(URI.create("wss://api-pub.bitfinex.com/ws/2"));
        assertThat(specs.get(0).subscribeMessages()).containsExactly("{\"event\":\"subscribe\",\"channel\":\"status\",\"key\":\"liq:global\"}");
        assertThat(specs.get(0).isError().test("{\"event\":\"error\",\"msg\":\"subscribe: dup\",\"code\":10301}")).isTrue();
        assertThat(decoders.instruments().find(Venue.BITFINEX.exchange(), "tETHF0:USTF0").coin().name()).isEqualTo("ETH");
    }
}
