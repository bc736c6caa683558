package dev.cascade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Candle;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.Events;
import dev.cascade.testkit.MarketStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private final Events events = new Events();
    private final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);
    private final Instrument ethUsdt = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    private static final long T = Micros.of(java.time.Instant.parse("2025-06-05T13:30:00Z")) + 123;

    private static CapturingListener decode(byte[] record) {
        CapturingListener out = new CapturingListener();
        new EventDecoder(new InstrumentRegistry()).decode(record, out);
        return out;
    }

    @Test
    void aLiquidationKeepsEveryFieldAndItsInstrumentsConversion() {
        byte[] record = EventCodec.encode(Events.liquidation(btcUsd, Side.LONG, 8_010_000, 104_100.5, T));
        Liquidation l = decode(record).onlyLiquidation();
        assertThat(l.venue()).isEqualTo(Venue.BYBIT_INVERSE);
        assertThat(l.symbol()).isEqualTo("BTCUSD");
        assertThat(l.coin().name()).isEqualTo("BTC");
        assertThat(l.instrument().isInverse()).isTrue();
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.quantity()).isEqualTo(8_010_000);
        assertThat(l.price()).isEqualTo(104_100.5);
        assertThat(l.usd()).isEqualTo(8_010_000); // inverse: contracts of 1 USD
        assertThat(l.exchangeMicros()).isEqualTo(T);
        assertThat(record.length).isLessThan(70);
        assertThat(EventCodec.instrumentKey(record)).isEqualTo("bybit-inverse:BTCUSD");
        assertThat(new String(EventCodec.key(btcUsd))).isEqualTo("bybit-inverse:BTCUSD");
        assertThat(EventCodec.exchangeMicros(record)).isEqualTo(T);
        assertThat(EventCodec.kind(record)).isEqualTo(EventCodec.Kind.LIQUIDATION);
    }

    @Test
    void everyKindRoundTrips() {
        InstrumentRegistry registry = new InstrumentRegistry();
        EventDecoder decoder = new EventDecoder(registry);
        CapturingListener out = new CapturingListener();
        Trade trade = new Trade().set(ethUsdt, TakerSide.SELL, 12.5, 2_401.25, 900_001, 899_990, T, T + 7_000);
        OpenInterest oi = new OpenInterest().set(ethUsdt, 1_500_000, 3.6e9, T, T + 1);
        MarkPrice mark = new MarkPrice().set(ethUsdt, 2_400.1, 2_399.9, T, T + 2);
        FundingRate funding = new FundingRate().set(ethUsdt, 0.0001, T + Micros.PER_HOUR, T, T + 3);
        Candle candle = new Candle().set(ethUsdt, T, Micros.PER_MINUTE, 1, 4, 0.5, 2, 10, 20, 6, 12, 33);
        for (byte[] r : List.of(EventCodec.encode(trade), EventCodec.encode(oi), EventCodec.encode(mark),
                EventCodec.encode(funding), EventCodec.encode(candle))) {
            assertThat(decoder.decode(r, out)).isTrue();
        }
        Trade t = out.onlyTrade();
        assertThat(t.takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.id()).isEqualTo(900_001);
        assertThat(t.firstId()).isEqualTo(899_990);
        assertThat(t.usd()).isEqualTo(12.5 * 2_401.25);
        assertThat(t.receiveMicros()).isEqualTo(T + 7_000);
        assertThat(out.openInterest.get(0).usd()).isEqualTo(3.6e9);
        assertThat(out.markPrices.get(0).indexPrice()).isEqualTo(2_399.9);
        assertThat(out.fundingRates.get(0).nextFundingMicros()).isEqualTo(T + Micros.PER_HOUR);
        assertThat(out.candles.get(0).tradeCount()).isEqualTo(33);
        assertThat(out.candles.get(0).takerBuyQuoteVolume()).isEqualTo(12);
        // one instrument, defined once, shared by every event
        assertThat(registry.size()).isEqualTo(1);
        assertThat(out.markPrices.get(0).instrument()).isSameAs(t.instrument());
    }

    @Test
    void aRandomMarketRoundTripsEventForEvent() {
        MarketStream stream = new MarketStream();
        List<Object> all = stream.generate(7, T, 2, 20);
        EventDecoder decoder = new EventDecoder(new InstrumentRegistry());
        CapturingListener direct = new CapturingListener();
        CapturingListener decoded = new CapturingListener();
        all.forEach(e -> decoder.decode(encode(e), decoded));
        all.forEach(e -> MarketStream.deliver(e, direct));
        assertThat(decoded.eventCount()).isEqualTo(direct.eventCount()).isGreaterThan(1000);
        for (int i = 0; i < direct.liquidations.size(); i++) {
            Liquidation a = direct.liquidations.get(i);
            Liquidation b = decoded.liquidations.get(i);
            assertThat(b.usd()).isEqualTo(a.usd());
            assertThat(b.side()).isEqualTo(a.side());
            assertThat(b.exchangeMicros()).isEqualTo(a.exchangeMicros());
            assertThat(b.instrument().toString()).isEqualTo(a.instrument().toString());
        }
        for (int i = 0; i < direct.trades.size(); i++) {
            assertThat(decoded.trades.get(i).id()).isEqualTo(direct.trades.get(i).id());
            assertThat(decoded.trades.get(i).usd()).isEqualTo(direct.trades.get(i).usd());
        }
    }

    static byte[] encode(Object e) {
        if (e instanceof Trade t) {
            return EventCodec.encode(t);
        } else if (e instanceof Liquidation l) {
            return EventCodec.encode(l);
        } else if (e instanceof OpenInterest o) {
            return EventCodec.encode(o);
        } else if (e instanceof MarkPrice p) {
            return EventCodec.encode(p);
        } else if (e instanceof FundingRate f) {
            return EventCodec.encode(f);
        }
        throw new IllegalArgumentException("not an event: " + e);
    }

    @Test
    void implausibleRecordsAreRejectedWithTheEdgesReasons() {
        // a topic is input like any other: what the venues' decoders refuse, the record decoder refuses too
        assertThat(decode(EventCodec.encode(Events.liquidation(ethUsdt, Side.LONG, 1e18, 0.18, T))).rejects)
                .containsOnlyKeys(Reject.IMPLAUSIBLE_SIZE);
        assertThat(decode(EventCodec.encode(Events.liquidation(ethUsdt, Side.LONG, 1e12, 2_400, T))).rejects)
                .as("$2.4 quadrillion in one order").containsOnlyKeys(Reject.IMPLAUSIBLE_VALUE);
        assertThat(decode(EventCodec.encode(Events.liquidation(ethUsdt, Side.LONG, 1, Double.POSITIVE_INFINITY, T)))
                .rejects).containsOnlyKeys(Reject.NOT_A_NUMBER);
        long farFuture = T + 365 * dev.cascade.model.Micros.PER_DAY;
        Liquidation late = Events.liquidation(ethUsdt, Side.LONG, 1, 2_400, T);
        late.set(ethUsdt, Side.LONG, 1, 2_400, farFuture, T);
        assertThat(decode(EventCodec.encode(late)).rejects).containsOnlyKeys(Reject.IMPLAUSIBLE_TIME);
        assertThat(decode(EventCodec.encode(new OpenInterest().set(ethUsdt, -5, 100, T, T))).rejects)
                .containsOnlyKeys(Reject.NON_POSITIVE_SIZE);
        assertThat(decode(EventCodec.encode(new MarkPrice().set(ethUsdt, Double.POSITIVE_INFINITY, 1, T, T))).rejects)
                .containsOnlyKeys(Reject.NOT_A_NUMBER);
        assertThat(decode(EventCodec.encode(new FundingRate().set(ethUsdt, 3.0, T, T, T))).rejects)
                .containsOnlyKeys(Reject.IMPLAUSIBLE_FUNDING);
        CapturingListener fine = decode(EventCodec.encode(Events.liquidation(ethUsdt, Side.LONG, 1, 2_400, T)));
        assertThat(fine.liquidations).hasSize(1);
        assertThat(fine.rejects).isEmpty();
    }

    @Test
    void everyTruncationIsAMalformedRecord() {
        byte[] record = EventCodec.encode(Events.liquidation(ethUsdt, Side.SHORT, 3, 2_400, T));
        for (int n = 0; n < record.length; n++) {
            CapturingListener out = decode(Arrays.copyOf(record, n));
            assertThat(out.eventCount()).as("prefix of %d bytes", n).isZero();
            assertThat(out.rejects).as("prefix of %d bytes", n).containsEntry(Reject.MALFORMED_RECORD, 1);
        }
        assertThat(EventCodec.exchangeMicros(Arrays.copyOf(record, 20))).isEqualTo(Long.MIN_VALUE);
        assertThat(EventCodec.instrumentKey(new byte[] {1, 1, 99, 0})).isNull();
    }

    @Test
    void anotherVersionOrABadSideOrSizeIsRejected() {
        byte[] record = EventCodec.encode(Events.liquidation(ethUsdt, Side.SHORT, 3, 2_400, T));
        byte[] otherVersion = record.clone();
        otherVersion[0] = 2;
        assertThat(decode(otherVersion).rejects).containsEntry(Reject.MALFORMED_RECORD, 1);
        byte[] badSide = record.clone();
        badSide[record.length - 17] = 7;
        assertThat(decode(badSide).rejects).containsEntry(Reject.MALFORMED_RECORD, 1);
        byte[] zeroSize = EventCodec.encode(Events.liquidation(ethUsdt, Side.SHORT, 3, 2_400, T));
        Arrays.fill(zeroSize, zeroSize.length - 16, zeroSize.length - 8, (byte) 0);
        assertThat(decode(zeroSize).rejects).as("the edge's reason").containsEntry(Reject.NON_POSITIVE_SIZE, 1);
        assertThat(decode(record).onlyLiquidation().side()).isEqualTo(Side.SHORT);
    }

    /** Fuzz: arbitrary bytes, and valid records with bytes flipped, decode to an event or a rejection, never throw. */
    @Property(tries = 3000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 120) byte[] bytes, @ForAll @IntRange(min = 0, max = 60) int flip,
                                  @ForAll byte value) {
        CapturingListener out = decode(bytes);
        assertThat(out.eventCount() + out.rejectCount()).isEqualTo(1);
        byte[] record = EventCodec.encode(Events.liquidation(btcUsd, Side.LONG, 5_000, 104_000, T));
        record[flip % record.length] = value;
        CapturingListener mutated = decode(record);
        assertThat(mutated.eventCount() + mutated.rejectCount()).isEqualTo(1);
        EventCodec.instrumentKey(bytes);
        EventCodec.exchangeMicros(bytes);
    }
}
