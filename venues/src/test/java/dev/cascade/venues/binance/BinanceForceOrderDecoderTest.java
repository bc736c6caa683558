package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Exchange;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class BinanceForceOrderDecoderTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldDecodeACombinedStreamFrameIntoALongLiquidation() {
        Liquidation l = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1749132000123,"o":{"s":"BTCUSDT","S":"SELL",\
                "o":"LIMIT","f":"IOC","q":"0.500","p":"102890.0","ap":"103050.5","X":"FILLED","l":"0.200","z":"0.500",\
                "T":1749132000120,"ps":"BTCUSDT","st":1}}}""").events().onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(l.exchange()).isEqualTo(Exchange.BINANCE);
        assertThat(l.symbol()).isEqualTo("BTCUSDT");
        assertThat(l.coin().name()).isEqualTo("BTC");
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.quantity()).isEqualTo(0.5);
        assertThat(l.price()).isEqualTo(103050.5);
        assertThat(l.usd()).isEqualTo(51525.25);
        assertThat(l.exchangeMicros()).isEqualTo(1_749_132_000_120_000L);
        assertThat(l.receiveMicros()).isEqualTo(Decode.RECEIVED);
    }

    @Test
    void shouldDecodeARawWsFrameIntoAShortLiquidation() {
        Liquidation l = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132061007,"o":{"s":"1000PEPEUSDT","S":"BUY","o":"LIMIT","f":"IOC",\
                "q":"250000","p":"0.0121500","ap":"0.0121000","X":"FILLED","l":"250000","z":"250000","T":1749132061002}}\
                """).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.coin().name()).isEqualTo("PEPE");
        assertThat(l.price()).isEqualTo(0.0121 / 1000); // quoted per 1,000 PEPE: the event's price is per PEPE
        assertThat(l.usd()).isEqualTo(250000 * 0.0121);
        assertThat(l.exchangeMicros()).isEqualTo(1_749_132_061_002_000L);
    }

    @Test
    void shouldUseTheOrderPriceWhenTheAveragePriceIsZero() {
        Liquidation l = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132061007,"o":{"s":"ETHUSDT","S":"SELL","q":"2","p":"2410.00","ap":"0",\
                "X":"PARTIALLY_FILLED","z":"1.5","T":1749132061002}}""").events().onlyLiquidation();
        assertThat(l.price()).isEqualTo(2410.0);
        assertThat(l.quantity()).isEqualTo(1.5);
        assertThat(l.usd()).isEqualTo(3615.0);
    }

    @Test
    void shouldNotCountAnOrderThatHasNotFilled() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132061007,"o":{"s":"ETHUSDT","S":"SELL","q":"2","p":"2410.00","ap":"0",\
                "X":"NEW","z":"0","T":1749132061002}}""");
        assertThat(r.kind()).isEqualTo(FrameKind.REJECTED);
        assertThat(r.events().rejects).containsExactlyEntriesOf(java.util.Map.of(Reject.UNFILLED_ORDER, 1));
    }

    @Test
    void shouldValueACoinMOrderInContractsOfOneHundredUsd() {
        Liquidation l = Decode.frame(decoders, Venue.BINANCE_COINM, """
                {"stream":"btcusd_perp@forceOrder","data":{"e":"forceOrder","E":1749132005000,"o":{"s":"BTCUSD_PERP",\
                "ps":"BTCUSD","S":"SELL","o":"LIMIT","f":"IOC","q":"30","p":"102700.0","ap":"102800.0","X":"FILLED",\
                "l":"30","z":"30","T":1749132004998}}}""").events().onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.BINANCE_COINM);
        assertThat(l.coin().name()).isEqualTo("BTC");
        assertThat(l.quantity()).isEqualTo(30.0);
        assertThat(l.usd()).isEqualTo(3000.0);
        assertThat(l.instrument().coinQuantity(l.quantity(), l.price())).isEqualTo(3000.0 / 102800.0);
    }

    @Test
    void shouldValueACoinMOrderSeenOnTheUsdmStreamByItsOwnContract() {
        Liquidation l = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132005000,"o":{"s":"ETHUSD_PERP","ps":"ETHUSD","S":"BUY","q":"7",\
                "p":"2500","ap":"2490","X":"FILLED","z":"7","T":1749132004998,"st":2}}""").events().onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.BINANCE_COINM);
        assertThat(l.usd()).isEqualTo(70.0);
    }

    @Test
    void shouldRejectACoinMSymbolWithoutExchangeInfo() {
        Decode.Result r = Decode.frame(Decode.withoutMetadata(), Venue.BINANCE_COINM, """
                {"e":"forceOrder","E":1749132005000,"o":{"s":"BTCUSD_PERP","S":"SELL","q":"30","p":"102700.0",\
                "ap":"102800.0","X":"FILLED","z":"30","T":1749132004998}}""");
        assertThat(r.events().rejects).containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
        assertThat(r.events().liquidations).isEmpty();
    }

    @Test
    void shouldRejectAPairThatIsNotQuotedInUsd() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132005000,"o":{"s":"ETHBTC","S":"SELL","q":"3","p":"0.0235",\
                "ap":"0.0236","X":"FILLED","z":"3","T":1749132004998}}""");
        assertThat(r.events().rejects).containsEntry(Reject.NON_USD_QUOTE, 1);
    }

    @Test
    void shouldRejectAnUnknownSide() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"e":"forceOrder","E":1749132005000,"o":{"s":"BTCUSDT","S":"HOLD","q":"3","p":"1",\
                "ap":"1","X":"FILLED","z":"3","T":1749132004998}}""");
        assertThat(r.events().rejects).containsEntry(Reject.BAD_SIDE, 1);
    }
}
