package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class BinanceAggTradeDecoderTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadBuyerIsMakerAsATakerSell() {
        Trade t = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1749132000211,"a":2712345678,"s":"BTCUSDT",\
                "p":"103012.40","q":"0.125","nq":"0.125","f":6012345670,"l":6012345672,"T":1749132000207,"m":true,\
                "st":1}}""").events().onlyTrade();
        assertThat(t.venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(t.coin().name()).isEqualTo("BTC");
        assertThat(t.takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.id()).isEqualTo(2712345678L);
        assertThat(t.price()).isEqualTo(103012.40);
        assertThat(t.quantity()).isEqualTo(0.125);
        assertThat(t.usd()).isEqualTo(103012.40 * 0.125);
        assertThat(t.exchangeMicros()).isEqualTo(1_749_132_000_207_000L);
        assertThat(t.receiveMicros()).isEqualTo(Decode.RECEIVED);
    }

    @Test
    void shouldReadBuyerIsTakerAsATakerBuyAndCoinMQuantityAsContracts() {
        Trade t = Decode.frame(decoders, Venue.BINANCE_COINM, """
                {"e":"aggTrade","E":1749132000211,"a":99887766,"s":"ETHUSD_PERP","p":"2480.15","q":"12",\
                "f":1,"l":2,"T":1749132000207,"m":false}""").events().onlyTrade();
        assertThat(t.takerSide()).isEqualTo(TakerSide.BUY);
        assertThat(t.venue()).isEqualTo(Venue.BINANCE_COINM);
        assertThat(t.usd()).isEqualTo(120.0);
    }

    @Test
    void shouldFallBackToTheFirstTradeIdInFramesWithoutAnAggregateId() {
        Trade t = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"aggTrade","E":1568693103463,"s":"BTCUSDT","p":"10223.74","q":"0.236","f":181349,"l":181349,\
                "T":1568693103463,"m":false}""").events().onlyTrade();
        assertThat(t.id()).isEqualTo(181349L);
    }

    @Test
    void shouldRejectAMakerFlagThatIsNotABoolean() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"aggTrade","E":1,"a":1,"s":"BTCUSDT","p":"1","q":"1","T":1749132000207,"m":"yes"}""");
        assertThat(r.events().rejects).containsEntry(Reject.WRONG_TYPE, 1);
    }
}
