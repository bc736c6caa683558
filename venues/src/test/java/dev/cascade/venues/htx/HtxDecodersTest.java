package dev.cascade.venues.htx;

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
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of HTX's liquidation_orders, from the documented and the real frames (research/venues-next.md §3). */
class HtxDecodersTest {
    /** The doc sample (USDT-M): O3-USDT has one coin a contract, so volume 432 is 432 O3. */
    private static final String DOC = "{\"op\":\"notify\",\"topic\":\"public.O3-USDT.liquidation_orders\",\"ts\":1639122193214,"
            + "\"data\":[{\"symbol\":\"O3\",\"contract_code\":\"O3-USDT\",\"direction\":\"sell\",\"offset\":\"close\",\"volume\":432,"
            + "\"price\":0.7858,\"created_at\":1639122193172,\"amount\":432,\"trade_turnover\":339.4656,\"contract_type\":\"swap\","
            + "\"pair\":\"O3-USDT\",\"business_type\":\"swap\"}]}";
    /** A real USDT-M frame (2020-12-17): 227 contracts of 0.001 BTC. */
    private static final String REAL_LINEAR = "{\"op\":\"notify\",\"topic\":\"public.BTC-USDT.liquidation_orders\",\"ts\":1608226502344,"
            + "\"data\":[{\"symbol\":\"BTC\",\"contract_code\":\"BTC-USDT\",\"direction\":\"sell\",\"offset\":\"close\",\"volume\":227.0,"
            + "\"price\":23350.5,\"created_at\":1608226502284,\"amount\":0.227,\"trade_turnover\":5300.5635}]}";
    /** A real coin-M frame (2020-07): no amount yet; 231 contracts of 10 USD. */
    private static final String REAL_INVERSE = "{\"op\":\"notify\",\"topic\":\"public.ETH-USD.liquidation_orders\",\"ts\":1593610492198,"
            + "\"data\":[{\"symbol\":\"ETH\",\"contract_code\":\"ETH-USD\",\"direction\":\"buy\",\"offset\":\"close\",\"volume\":231,"
            + "\"price\":229.95,\"created_at\":1593610492167}]}";

    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadASellOrderAsALongWhoseUsdIsTheTurnover() {
        Liquidation l = Decode.frame(decoders, Venue.HTX_LINEAR, REAL_LINEAR).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.venue()).isEqualTo(Venue.HTX_LINEAR);
        assertThat(l.quantity()).isEqualTo(227.0);
        assertThat(l.price()).isEqualTo(23350.5);
        assertThat(l.usd()).as("trade_turnover").isCloseTo(5300.5635, within(1e-6));
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1608226502284L));
        assertThat(l.venue().isLiquidationFeedComplete()).as("every liquidation is pushed").isTrue();
    }

    @Test
    void shouldReadABuyOrderAsAShort() {
        Liquidation l = Decode.frame(decoders, Venue.HTX_LINEAR, REAL_LINEAR.replace("\"sell\"", "\"buy\"")).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldValueACoinMarginedContractInUsdWhateverThePrice() {
        Liquidation l = Decode.frame(decoders, Venue.HTX_INVERSE, REAL_INVERSE).events().onlyLiquidation();
        assertThat(l.side()).as("direction buy: a short liquidated").isEqualTo(Side.SHORT);
        assertThat(l.venue()).isEqualTo(Venue.HTX_INVERSE);
        assertThat(l.usd()).isEqualTo(2310.0);
        assertThat(l.coin().name()).isEqualTo("ETH");
    }

    @Test
    void shouldReadTheDocumentedSampleAndPlaceTheContractByItsCodeNotTheConnection() {
        Liquidation l = Decode.frame(decoders, Venue.HTX_INVERSE, DOC).events().onlyLiquidation();
        assertThat(l.venue()).as("-USDT is USDT-M, whichever HTX connection carried it").isEqualTo(Venue.HTX_LINEAR);
        assertThat(l.usd()).isCloseTo(339.4656, within(1e-9));
        assertThat(l.side()).isEqualTo(Side.LONG);
    }

    @Test
    void shouldPlaceAnUnlistedCoinMarginedSwapByConventionButNotAnUnlistedUsdtOne() {
        VenueDecoders bare = Decode.withoutMetadata();
        assertThat(Decode.frame(bare, Venue.HTX_INVERSE, REAL_INVERSE.replace("ETH-USD", "BTC-USD")).events().onlyLiquidation().usd())
                .as("100 USD a BTC contract").isEqualTo(23_100.0);
        assertThat(Decode.frame(bare, Venue.HTX_LINEAR, REAL_LINEAR).events().rejects).containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
    }

    @Test
    void shouldTakePingsAndSubscriptionRepliesAsControlFrames() {
        assertThat(Decode.frame(decoders, Venue.HTX_LINEAR, "{\"op\":\"ping\",\"ts\":\"1749132000000\"}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.HTX_LINEAR, "{\"ping\":1749132000000}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.HTX_LINEAR, "{\"op\":\"sub\",\"cid\":\"cascade\",\"topic\":"
                + "\"public.*.liquidation_orders\",\"ts\":1749132000000,\"err-code\":0}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.HTX_LINEAR, "{\"op\":\"notify\",\"topic\":\"public.BTC-USDT.contract_info\","
                + "\"ts\":1,\"data\":[]}").kind()).isEqualTo(FrameKind.IGNORED);
        assertThat(Decode.frame(decoders, Venue.HTX_LINEAR, "[1,2]").events().rejects).containsEntry(Reject.UNKNOWN_MESSAGE, 1);
    }

    @Test
    void shouldSubscribeEveryContractOnTheNotificationHostAndAnswerItsPings() {
        List<ConnectionSpec> specs = new HtxFeedPlan(Venue.HTX_LINEAR).connections(URI.create("wss://api.hbdm.com"),
                List.of("BTC-USDT", "ETH-USDT"), Channels.ALL);
        assertThat(specs).hasSize(1);
        ConnectionSpec spec = specs.get(0);
        assertThat(spec.uri()).isEqualTo(URI.create("wss://api.hbdm.com/linear-swap-notification"));
        assertThat(spec.subscribeMessages()).containsExactly("{\"op\":\"sub\",\"cid\":\"cascade\",\"topic\":\"public.*.liquidation_orders\"}");
        assertThat(new HtxFeedPlan(Venue.HTX_INVERSE).connections(URI.create("wss://api.hbdm.com"), List.of(), Channels.ALL).get(0).uri())
                .isEqualTo(URI.create("wss://api.hbdm.com/swap-notification"));
        Keepalive k = spec.keepalive();
        assertThat(k.kind()).isEqualTo(Keepalive.Kind.ANSWER);
        assertThat(k.replyTo("{\"op\":\"ping\",\"ts\":\"1749132000000\"}")).isEqualTo("{\"op\":\"pong\",\"ts\":\"1749132000000\"}");
        assertThat(k.replyTo("{\"ping\":1749132000000}")).isEqualTo("{\"pong\":1749132000000}");
        assertThat(k.replyTo(REAL_LINEAR)).isNull();
        assertThat(k.replyTo("{\"op\":\"ping\",\"ts\":\"1749132000000\",\"x\":\"ping\"}")).isNull();
        assertThat(spec.isError().test("{\"op\":\"sub\",\"ts\":1,\"err-code\":2014,\"err-msg\":\"sub wide before narrow\"}")).isTrue();
        assertThat(spec.isError().test("{\"op\":\"sub\",\"cid\":\"cascade\",\"ts\":1,\"err-code\":0}")).isFalse();
    }

    @Test
    void shouldListSwapsButNotDatedFutures() {
        assertThat(decoders.instruments().find(Venue.HTX_LINEAR.exchange(), "ETH-USDT").contractSize()).isEqualTo(0.01);
        assertThat(decoders.instruments().find(Venue.HTX_LINEAR.exchange(), "BTC-USDT-250627")).isNull();
    }
}
