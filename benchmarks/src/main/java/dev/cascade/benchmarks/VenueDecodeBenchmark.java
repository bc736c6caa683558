package dev.cascade.benchmarks;

import dev.cascade.model.Coin;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode throughput of the venues added through the registry, one frame per operation (bytes -> JsonTape ->
 * the venue's frame decoder -> a listener that reads every field): a liquidation frame and a trade frame per
 * venue, from the documented formats. Run with {@code -prof gc} for bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class VenueDecodeBenchmark {
    private static final long RECEIVED = 1_749_132_000_300_000L;

    private final JsonTape tape = new JsonTape();
    private Blackhole hole;
    private final MarketListener consume = new MarketListener() {
        @Override
        public void onTrade(Trade t) {
            hole.consume(t.usd());
            hole.consume(t.id());
            hole.consume(t.takerSide());
            hole.consume(t.exchangeMicros());
        }

        @Override
        public void onLiquidation(Liquidation l) {
            hole.consume(l.usd());
            hole.consume(l.side());
            hole.consume(l.exchangeMicros());
        }
    };

    private FrameDecoder bitmex;
    private final byte[] bitmexLiquidation = bytes("{\"table\":\"liquidation\",\"action\":\"insert\",\"data\":[{\"orderID\":"
            + "\"dd9cea25-207c-0dab-15b5-b88da776f500\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"price\":103106,\"leavesQty\":9214}]}");
    private final byte[] bitmexTrade = bytes("{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":"
            + "\"2025-06-05T14:00:00.120Z\",\"symbol\":\"XBTUSD\",\"side\":\"Sell\",\"size\":1200,\"price\":103010.5,"
            + "\"tickDirection\":\"MinusTick\",\"trdMatchID\":\"00000000-006d-1000-0000-000a4a0c5e5f\",\"grossValue\":1164941,"
            + "\"homeNotional\":0.01164941,\"foreignNotional\":1200,\"trdType\":\"Regular\"}]}");

    private FrameDecoder deribit;
    private final byte[] deribitLiquidation = bytes("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":"
            + "{\"channel\":\"trades.future.any.100ms\",\"data\":[{\"trade_seq\":40782080,\"trade_id\":\"66460626\","
            + "\"timestamp\":1749132000120,\"tick_direction\":3,\"price\":103010.5,\"liquidation\":\"M\","
            + "\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":103001.6,\"direction\":\"buy\",\"amount\":2500}]}}");
    private final byte[] deribitTrade = bytes("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":"
            + "{\"channel\":\"trades.future.any.100ms\",\"data\":[{\"trade_seq\":40782081,\"trade_id\":\"66460627\","
            + "\"timestamp\":1749132000120,\"tick_direction\":3,\"price\":103010.5,"
            + "\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":103001.6,\"direction\":\"sell\",\"amount\":2500}]}}");

    private FrameDecoder kraken;
    private final byte[] krakenLiquidation = bytes("{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"uid\":"
            + "\"3ee209b8-bc9f-4ed5-965b-8c6208b26411\",\"side\":\"sell\",\"type\":\"liquidation\",\"seq\":41799,"
            + "\"time\":1749132000120,\"qty\":12000,\"price\":103010.5}");
    private final byte[] krakenTrade = bytes("{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"uid\":"
            + "\"3ee209b8-bc9f-4ed5-965b-8c6208b26412\",\"side\":\"buy\",\"type\":\"fill\",\"seq\":41800,"
            + "\"time\":1749132000120,\"qty\":12000,\"price\":103010.5}");

    private FrameDecoder dydx;
    private final byte[] dydxLiquidation = bytes("{\"type\":\"channel_data\",\"connection_id\":"
            + "\"3a2e4c0c-7579-4bf6-a570-e0979418bbe9\",\"message_id\":424,\"id\":\"BTC-USD\",\"channel\":\"v4_trades\","
            + "\"version\":\"2.1.0\",\"contents\":{\"trades\":[{\"id\":\"014f495a0000000200000005\",\"side\":\"SELL\","
            + "\"size\":\"0.39\",\"price\":\"103010.5\",\"type\":\"LIQUIDATED\",\"createdAt\":\"2025-06-05T14:00:00.120Z\"}]}}");
    private final byte[] dydxTrade = bytes("{\"type\":\"channel_data\",\"connection_id\":"
            + "\"3a2e4c0c-7579-4bf6-a570-e0979418bbe9\",\"message_id\":425,\"id\":\"BTC-USD\",\"channel\":\"v4_trades\","
            + "\"version\":\"2.1.0\",\"contents\":{\"trades\":[{\"id\":\"014f495a0000000200000006\",\"side\":\"BUY\","
            + "\"size\":\"0.39\",\"price\":\"103010.5\",\"type\":\"LIMIT\",\"createdAt\":\"2025-06-05T14:00:00.120Z\"}]}}");

    private FrameDecoder bitget;
    private final byte[] bitgetLiquidation = bytes("{\"data\":[{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"price\":\"103010.5\","
            + "\"amount\":\"37722.858\",\"ts\":\"1749132000120\"}],\"arg\":{\"instType\":\"usdt-futures\","
            + "\"topic\":\"liquidation\"},\"action\":\"update\",\"ts\":1749132000120}");

    private FrameDecoder htx;
    private final byte[] htxLiquidation = bytes("{\"op\":\"notify\",\"topic\":\"public.BTC-USDT.liquidation_orders\","
            + "\"ts\":1749132000150,\"data\":[{\"symbol\":\"BTC\",\"contract_code\":\"BTC-USDT\",\"direction\":\"sell\","
            + "\"offset\":\"close\",\"volume\":227,\"price\":103010.5,\"created_at\":1749132000120,\"amount\":0.227,"
            + "\"trade_turnover\":23383.3835}]}");

    private FrameDecoder bitfinex;
    private final byte[] bitfinexLiquidation = bytes("[91684,[[\"pos\",143683674,1749132000120,null,\"tBTCF0:USTF0\","
            + "0.2268657,107135.97,null,0,1,null,103010.5]]]");

    private FrameDecoder gate;
    private final byte[] gateLiquidation = bytes("{\"channel\":\"futures.public_liquidates\",\"event\":\"update\","
            + "\"time\":1749132000,\"time_ms\":1749132000150,\"result\":[{\"price\":\"103010.5\",\"size\":\"-124\","
            + "\"time\":1749132000120,\"contract\":\"BTC_USDT\"}]}");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Setup
    public void setUp(Blackhole blackhole) {
        hole = blackhole;
        InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.define(InstrumentSpec.inverse(Venue.BITMEX, "XBTUSD", Coin.of("XBT"), 1));
        instruments.define(InstrumentSpec.inverse(Venue.DERIBIT, "BTC-PERPETUAL", Coin.of("BTC"), 1));
        instruments.define(InstrumentSpec.inverse(Venue.KRAKEN_FUTURES, "PI_XBTUSD", Coin.of("XBT"), 1));
        instruments.define(InstrumentSpec.linear(Venue.DYDX, "BTC-USD", Coin.of("BTC")));
        instruments.define(InstrumentSpec.linear(Venue.BITGET_USDTM, "BTCUSDT", Coin.of("BTC")));
        instruments.define(new InstrumentSpec(Venue.HTX_LINEAR, "BTC-USDT", Coin.of("BTC"), dev.cascade.model.ContractType.LINEAR,
                0.001, "BTC", true));
        instruments.define(new InstrumentSpec(Venue.GATE_LINEAR, "BTC_USDT", Coin.of("BTC"), dev.cascade.model.ContractType.LINEAR,
                0.0001, "BTC", true));
        VenueDecoders decoders = new VenueDecoders(instruments);
        dydx = decoders.forVenue(Venue.DYDX);
        bitget = decoders.forVenue(Venue.BITGET_USDTM);
        htx = decoders.forVenue(Venue.HTX_LINEAR);
        bitfinex = decoders.forVenue(Venue.BITFINEX);
        gate = decoders.forVenue(Venue.GATE_LINEAR);
        kraken = decoders.forVenue(Venue.KRAKEN_FUTURES);
        bitmex = decoders.forVenue(Venue.BITMEX);
        deribit = decoders.forVenue(Venue.DERIBIT);
    }

    private Object decode(FrameDecoder decoder, byte[] frame) {
        tape.parse(frame, 0, frame.length);
        return decoder.decode(tape, 0, RECEIVED, consume);
    }

    @Benchmark
    public Object bitmexLiquidation() {
        return decode(bitmex, bitmexLiquidation);
    }

    @Benchmark
    public Object bitmexTrade() {
        return decode(bitmex, bitmexTrade);
    }

    /** A flagged trade: one trade and one liquidation. */
    @Benchmark
    public Object deribitLiquidation() {
        return decode(deribit, deribitLiquidation);
    }

    @Benchmark
    public Object deribitTrade() {
        return decode(deribit, deribitTrade);
    }

    /** A liquidation fill: one trade and one liquidation. */
    @Benchmark
    public Object krakenLiquidation() {
        return decode(kraken, krakenLiquidation);
    }

    @Benchmark
    public Object krakenTrade() {
        return decode(kraken, krakenTrade);
    }

    /** A LIQUIDATED trade: one trade and one liquidation. */
    @Benchmark
    public Object dydxLiquidation() {
        return decode(dydx, dydxLiquidation);
    }

    @Benchmark
    public Object dydxTrade() {
        return decode(dydx, dydxTrade);
    }

    @Benchmark
    public Object bitgetLiquidation() {
        return decode(bitget, bitgetLiquidation);
    }

    /** The frame as the feed hands it on, already inflated from gzip (inflating is the transport's, off this path). */
    @Benchmark
    public Object htxLiquidation() {
        return decode(htx, htxLiquidation);
    }

    @Benchmark
    public Object bitfinexLiquidation() {
        return decode(bitfinex, bitfinexLiquidation);
    }

    @Benchmark
    public Object gateLiquidation() {
        return decode(gate, gateLiquidation);
    }
}
