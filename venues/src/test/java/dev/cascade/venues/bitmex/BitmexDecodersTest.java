package dev.cascade.venues.bitmex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Golden tests of BitMEX's realtime tables, from the documented frames (research/venues-next.md §1). */
class BitmexDecodersTest {
    /** The documented sample: a Buy liquidation order, i.e. a SHORT position liquidated. */
    private static final String INSERT_BUY = "{\"table\":\"liquidation\",\"action\":\"insert\",\"data\":[{\"orderID\":"
            + "\"dd9cea25-207c-0dab-15b5-b88da776f500\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"price\":10106,\"leavesQty\":9214}]}";

    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldReadABuyLiquidationOrderAsAShortLiquidated() {
        Liquidation l = Decode.frame(decoders, Venue.BITMEX, INSERT_BUY).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.SHORT);
        assertThat(l.symbol()).isEqualTo("XBTUSD");
        assertThat(l.instrument().coin().name()).isEqualTo("BTC");
        assertThat(l.quantity()).isEqualTo(9214);
        assertThat(l.price()).isEqualTo(10106);
        assertThat(l.usd()).isEqualTo(9214); // inverse, 1 USD a contract
        assertThat(l.exchangeMicros()).isEqualTo(Decode.RECEIVED); // the table has no time
    }

    @Test
    void shouldReadASellLiquidationOrderAsALongLiquidated() {
        Liquidation l = Decode.frame(decoders, Venue.BITMEX, INSERT_BUY.replace("\"Buy\"", "\"Sell\"")
                .replace("XBTUSD", "XBTUSDT").replace("10106", "103000.5").replace("9214", "250000")).events().onlyLiquidation();
        assertThat(l.side()).isEqualTo(Side.LONG);
        // linear: 250,000 contracts of a millionth of a BTC = 0.25 BTC
        assertThat(l.usd()).isCloseTo(0.25 * 103000.5, within(1e-6));
    }

    @Test
    void shouldCountAnOrderOnceWhenInsertedAndIgnoreItsUpdatesAndDelete() {
        for (String action : new String[] {"partial", "update", "delete"}) {
            Decode.Result r = Decode.frame(decoders, Venue.BITMEX, INSERT_BUY.replace("insert", action));
            assertThat(r.kind()).as(action).isEqualTo(FrameKind.IGNORED);
            assertThat(r.events().eventCount()).isZero();
        }
    }

    @Test
    void shouldRejectALiquidationWithoutAReceiveTimeSinceTheTableHasNone() {
        Decode.Result r = Decode.frame(decoders.forVenue(Venue.BITMEX), INSERT_BUY, dev.cascade.venues.FrameDecoder.NO_RECEIVE_TIME);
        assertThat(r.kind()).isEqualTo(FrameKind.REJECTED);
        assertThat(r.events().rejects).containsEntry(Reject.BAD_TIMESTAMP, 1);
    }

    @Test
    void shouldRejectQuantoContractsAsUnknownInstruments() {
        Decode.Result r = Decode.frame(decoders, Venue.BITMEX, INSERT_BUY.replace("XBTUSD", "ETHUSD"));
        assertThat(r.events().rejects).containsEntry(Reject.UNKNOWN_INSTRUMENT, 1);
    }

    @Test
    void shouldReadTradesWithTheTakerSideAndTheIsoTime() {
        String frame = "{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"2025-06-05T14:00:00.120Z\","
                + "\"symbol\":\"XBTUSD\",\"side\":\"Sell\",\"size\":1200,\"price\":103010.5,\"tickDirection\":\"MinusTick\","
                + "\"trdMatchID\":\"00000000-006d-1000-0000-000a4a0c5e5f\",\"grossValue\":1164941,\"homeNotional\":0.01164941,"
                + "\"foreignNotional\":1200,\"trdType\":\"Regular\"}]}";
        Decode.Result r = Decode.frame(decoders, Venue.BITMEX, frame);
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        Trade t = r.events().trades.get(0);
        assertThat(t.takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.quantity()).isEqualTo(1200);
        assertThat(t.usd()).isEqualTo(1200);
        assertThat(t.exchangeMicros()).isEqualTo(Micros.of(Instant.parse("2025-06-05T14:00:00.120Z")));
        Decode.Result bad = Decode.frame(decoders, Venue.BITMEX, frame.replace("2025-06-05T14", "2025-06-05X14"));
        assertThat(bad.events().rejects).containsEntry(Reject.BAD_TIMESTAMP, 1);
    }

    @Test
    void shouldReadMarkPriceFundingAndOpenInterestFromTheInstrumentTable() {
        String frame = "{\"table\":\"instrument\",\"action\":\"update\",\"data\":[{\"symbol\":\"XBTUSD\",\"markPrice\":103012.37,"
                + "\"fundingRate\":0.0001,\"fundingTimestamp\":\"2025-06-05T20:00:00.000Z\",\"openInterest\":512345678,"
                + "\"timestamp\":\"2025-06-05T14:00:00.120Z\"}]}";
        Decode.Result r = Decode.frame(decoders, Venue.BITMEX, frame);
        assertThat(r.kind()).isEqualTo(FrameKind.DATA);
        assertThat(r.events().markPrices.get(0).markPrice()).isEqualTo(103012.37);
        assertThat(r.events().fundingRates.get(0).rate()).isEqualTo(0.0001);
        assertThat(r.events().fundingRates.get(0).nextFundingMicros())
                .isEqualTo(Micros.of(Instant.parse("2025-06-05T20:00:00Z")));
        assertThat(r.events().openInterest.get(0).quantity()).isEqualTo(512345678);
        // an update with only the mark price emits only that
        Decode.Result mark = Decode.frame(decoders, Venue.BITMEX, "{\"table\":\"instrument\",\"action\":\"update\",\"data\":"
                + "[{\"symbol\":\"XBTUSD\",\"markPrice\":103000,\"timestamp\":\"2025-06-05T14:00:01.000Z\"}]}");
        assertThat(mark.events().eventCount()).isEqualTo(1);
    }

    @Test
    void shouldTakeRepliesWelcomeAndPongAsControlFrames() {
        assertThat(Decode.frame(decoders, Venue.BITMEX, "{\"success\":true,\"subscribe\":\"liquidation\","
                + "\"request\":{\"op\":\"subscribe\",\"args\":[\"liquidation\"]}}").kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITMEX, "{\"info\":\"Welcome to the BitMEX Realtime API.\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITMEX, "{\"status\":400,\"error\":\"Unknown table: nope\"}").kind())
                .isEqualTo(FrameKind.CONTROL);
        assertThat(Decode.frame(decoders, Venue.BITMEX, "{\"table\":\"orderBookL2\",\"action\":\"partial\",\"data\":[]}").kind())
                .isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldBeRecognisedInAFileWithoutVenueLabels() {
        JsonTape t = new JsonTape();
        byte[] b = INSERT_BUY.getBytes(StandardCharsets.UTF_8);
        t.parse(b, 0, b.length);
        assertThat(VenueDecoders.sniff(t, 0)).isEqualTo(Venue.BITMEX);
    }

    @Test
    void shouldDefineInverseAndLinearPerpetualsButNotQuantos() {
        assertThat(decoders.instruments().find(Venue.BITMEX.exchange(), "XBTUSD").contractSize()).isEqualTo(1);
        assertThat(decoders.instruments().find(Venue.BITMEX.exchange(), "XBTUSDT").contractSize()).isEqualTo(1e-6);
        assertThat(decoders.instruments().find(Venue.BITMEX.exchange(), "ETHUSD")).isNull();
    }
}
