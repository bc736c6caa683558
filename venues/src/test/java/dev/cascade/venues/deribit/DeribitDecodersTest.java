package dev.cascade.venues.deribit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of Deribit's trades and tickers, from the documented frames (research/venues-next.md §2). */
class DeribitDecodersTest {
    /** The documented sample (2020-03-13): flag M with a taker buy, so the maker's SELL order was the liquidation. */
    private static final String SAMPLE = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
            + "\"trades.BTC-PERPETUAL.raw\",\"data\":[{\"trade_seq\":40782080,\"trade_id\":\"66460626\",\"timestamp\":1584058067675,"
            + "\"tick_direction\":3,\"price\":4458.5,\"liquidation\":\"M\",\"instrument_name\":\"BTC-PERPETUAL\","
            + "\"index_price\":4793.6,\"direction\":\"buy\",\"amount\":2500}]}}";

    private final VenueDecoders decoders = Decode.withMetadata();

    private Decode.Result decode(String frame) {
        return Decode.frame(decoders, Venue.DERIBIT, frame);
    }

    @Test
    void shouldReadTheDocumentedMakerLiquidationAsALongAndKeepTheTrade() {
        Decode.Result r = decode(SAMPLE);
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        Liquidation l = r.events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.usd()).isEqualTo(2500); // amounts of inverse futures are USD
        assertThat(l.price()).isEqualTo(4458.5);
        assertThat(l.exchangeMicros()).isEqualTo(Micros.ofMillis(1584058067675L));
        Trade t = r.events().onlyTrade();
        assertThat(t.takerSide()).isEqualTo(TakerSide.BUY);
        assertThat(t.id()).isEqualTo(40782080);
    }

    @Test
    void shouldReadEachFlagAndDirectionByTheSideRule() {
        assertThat(side("M", "buy")).isEqualTo(Side.LONG);
        assertThat(side("M", "sell")).isEqualTo(Side.SHORT);
        assertThat(side("T", "sell")).isEqualTo(Side.LONG);
        assertThat(side("T", "buy")).isEqualTo(Side.SHORT);
    }

    private Side side(String flag, String direction) {
        return decode(SAMPLE.replace("\"M\"", "\"" + flag + "\"").replace("\"buy\"", "\"" + direction + "\""))
                .events().onlyLiquidation().side();
    }

    @Test
    void shouldReadAnMtPrintAsOneLongAndOneShortLiquidation() {
        Decode.Result r = decode(SAMPLE.replace("\"M\"", "\"MT\""));
        assertThat(r.events().liquidations).extracting(Liquidation::side).containsExactlyInAnyOrder(Side.LONG, Side.SHORT);
        assertThat(r.events().liquidations).allSatisfy(l -> assertThat(l.usd()).isEqualTo(2500));
        assertThat(r.events().trades).hasSize(1);
    }

    @Test
    void shouldReadAnUnflaggedTradeAsATradeOnly() {
        Decode.Result r = decode(SAMPLE.replace("\"liquidation\":\"M\",", ""));
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().onlyTrade().usd()).isEqualTo(2500);
        assertThat(decode(SAMPLE.replace("\"M\"", "\"X\"")).events().rejects).containsEntry(Reject.BAD_SIDE, 1);
    }

    @Test
    void shouldValueLinearAmountsInCoins() {
        Liquidation l = decode(SAMPLE.replace("BTC-PERPETUAL", "SOL_USDC-PERPETUAL").replace("4458.5", "150.25")
                .replace("\"amount\":2500", "\"amount\":12.5")).events().onlyLiquidation();
        assertThat(l.usd()).isCloseTo(12.5 * 150.25, within(1e-9));
        assertThat(l.coin().name()).isEqualTo("SOL");
    }

    @Test
    void shouldReadMarkPriceFundingAndOpenInterestFromTheTicker() {
        Decode.Result r = decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
                + "\"ticker.BTC-PERPETUAL.100ms\",\"data\":{\"timestamp\":1749132000120,\"instrument_name\":\"BTC-PERPETUAL\","
                + "\"mark_price\":103012.37,\"index_price\":103001.5,\"funding_8h\":0.0001,\"current_funding\":0.00001,"
                + "\"open_interest\":512345678}}}");
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().markPrices.get(0).markPrice()).isEqualTo(103012.37);
        assertThat(r.events().markPrices.get(0).indexPrice()).isEqualTo(103001.5);
        assertThat(r.events().fundingRates.get(0).rate()).isEqualTo(0.0001);
        assertThat(r.events().openInterest.get(0).quantity()).isEqualTo(512345678);
    }

    @Test
    void shouldTakeRepliesAndHeartbeatsAsControlFrames() {
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[\"trades.future.any.100ms\"],\"usIn\":1,\"usOut\":2,"
                + "\"usDiff\":1,\"testnet\":false}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.100ms\","
                + "\"data\":{}}}").kind()).isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldBeRecognisedInAFileWithoutVenueLabelsEvenWhenItIsAReply() {
        for (String frame : new String[] {SAMPLE, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}"}) {
            JsonTape t = new JsonTape();
            byte[] b = frame.getBytes(StandardCharsets.UTF_8);
            t.parse(b, 0, b.length);
            assertThat(VenueDecoders.sniff(t, 0)).isEqualTo(Venue.DERIBIT);
        }
    }

    @Test
    void shouldDefineFuturesInAmountUnitsAndSubscribeEveryTradeAndEachPerpetualsTicker() throws Exception {
        assertThat(decoders.instruments().find(Venue.DERIBIT.exchange(), "BTC-PERPETUAL").contractSize()).isEqualTo(1);
        assertThat(decoders.instruments().find(Venue.DERIBIT.exchange(), "BTC-27JUN25").isInverse()).isTrue();
        List<ConnectionSpec> specs = new DeribitFeedPlan().connections(URI.create("wss://www.deribit.com/ws/api/v2"),
                List.of("BTC-PERPETUAL", "ETH-PERPETUAL"), Channels.ALL);
        assertThat(specs).hasSize(1);
        JsonNode m = new ObjectMapper().readTree(specs.get(0).subscribeMessages().get(0));
        assertThat(m.path("method").asText()).isEqualTo("public/subscribe");
        assertThat(m.path("params").path("channels").toString())
                .isEqualTo("[\"trades.future.any.100ms\",\"ticker.BTC-PERPETUAL.100ms\",\"ticker.ETH-PERPETUAL.100ms\"]");
        assertThat(new DeribitFeedPlan().connections(URI.create("wss://x"), List.of("BTC-PERPETUAL"), Channels.LIQUIDATIONS_ONLY)
                .get(0).subscribeMessages().get(0)).contains("trades.future.any.100ms").doesNotContain("ticker.");
    }

    @Test
    void shouldPlaceInstrumentsByTheirNamesWithoutMetadata() {
        VenueDecoders bare = Decode.withoutMetadata();
        assertThat(Decode.frame(bare, Venue.DERIBIT, SAMPLE).events().onlyLiquidation().usd()).isEqualTo(2500);
        Liquidation linear = Decode.frame(bare, Venue.DERIBIT, SAMPLE.replace("BTC-PERPETUAL", "ETH_USDC-PERPETUAL"))
                .events().onlyLiquidation();
        assertThat(linear.usd()).isCloseTo(2500 * 4458.5, within(1e-6));
        assertThat(Decode.frame(bare, Venue.DERIBIT, SAMPLE.replace("BTC-PERPETUAL", "BTC-27JUN25")).events()
                .onlyLiquidation().instrument().isInverse()).isTrue();
        assertThat(Decode.frame(bare, Venue.DERIBIT, SAMPLE.replace("BTC-PERPETUAL", "BTC-27JUN25-100000-C")).events()
                .liquidations).isEmpty(); // an option: not a future
    }
}
