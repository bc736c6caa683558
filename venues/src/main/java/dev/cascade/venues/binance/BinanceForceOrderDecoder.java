package dev.cascade.venues.binance;

import dev.cascade.model.Checks;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.JsonTape;

/**
 * Binance USDⓈ-M and COIN-M liquidations ({@code <symbol>@forceOrder}, {@code !forceOrder@arr}).
 *
 * <pre>
 * {"e":"forceOrder",          event type
 *  "E":1568014460893,         event time (ms)
 *  "o":{"s":"BTCUSDT",        symbol; COIN-M adds "ps" (pair); live frames add "ps" and "st"
 *       "S":"SELL",           side of the FORCED ORDER: SELL closes a long, BUY closes a short
 *       "q":"0.014",          original quantity      } coins on USDⓈ-M,
 *       "p":"9910",           order (limit) price    } contracts on COIN-M
 *       "ap":"9910",          average fill price
 *       "X":"FILLED",         order status
 *       "l":"0.014",          last fill quantity
 *       "z":"0.014",          filled accumulated quantity   &lt;- the liquidated quantity
 *       "T":1568014460893}}   order trade time (ms)         &lt;- the liquidation time
 * </pre>
 *
 * Normalized: quantity {@code z}; price {@code ap}, or {@code p} when {@code ap} is 0 or absent (an empty,
 * malformed or negative {@code ap} is rejected, never replaced by {@code p}); time {@code T}
 * (event time {@code E} when absent). {@code z = 0} is an order that has not filled: not a liquidation.
 * The instrument decides the valuation, so a COIN-M order is valued in USD contracts whichever socket it
 * came from. Binance publishes at most one liquidation per symbol per second.
 */
public final class BinanceForceOrderDecoder {
    private static final byte[] ORDER = {'o'};
    private static final byte[] EVENT_TIME = {'E'};
    private static final byte[] SELL = {'S', 'E', 'L', 'L'};
    private static final byte[] BUY = {'B', 'U', 'Y'};

    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public BinanceForceOrderDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
    }

    public FrameKind decode(JsonTape t, int payload, long receiveMicros, MarketListener out) {
        int order = t.member(payload, ORDER);
        if (!t.isObject(order)) {
            out.onReject(order < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        int symbol = -1;
        int side = -1;
        int price = -1;
        int avgPrice = -1;
        int filled = -1;
        int time = -1;
        byte[] b = t.buffer();
        for (int k = t.firstKey(order); k >= 0; k = t.nextKey(order, k)) {
            int len = t.length(k);
            byte c = b[t.start(k)];
            if (len == 1) {
                switch (c) {
                    case 's' -> symbol = k + 1;
                    case 'S' -> side = k + 1;
                    case 'p' -> price = k + 1;
                    case 'z' -> filled = k + 1;
                    case 'T' -> time = k + 1;
                    default -> { }
                }
            } else if (len == 2 && c == 'a' && b[t.start(k) + 1] == 'p') {
                avgPrice = k + 1;
            }
        }
        FieldReader f = fields.reset();
        double quantity = f.number(t, filled);
        double orderPrice = f.number(t, price);
        double average = avgPrice >= 0 ? f.number(t, avgPrice) : 0;
        long exchangeMicros = f.millis(t, time >= 0 ? time : t.member(payload, EVENT_TIME));
        Side liquidated = null;
        if (t.equalsBytes(side, SELL)) {
            liquidated = Side.LONG;
        } else if (t.equalsBytes(side, BUY)) {
            liquidated = Side.SHORT;
        } else {
            f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
        }
        if (!t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (f.problem() == null && quantity == 0) {
            f.fail(Reject.UNFILLED_ORDER);
        }
        if (f.problem() == null && average < 0) {
            f.fail(Reject.NON_POSITIVE_PRICE); // only ap = 0 means "no fill price yet"
        }
        if (f.problem() == null) {
            f.fail(Checks.price(orderPrice)); // read for the fallback, so held to the same rules even when unused
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        Instrument instrument = instruments.resolve(venue, b, t.start(symbol), t.length(symbol), BinanceSymbols.INSTANCE);
        double fillPrice = average > 0 ? average : orderPrice;
        boolean ok = Emit.liquidation(event, instrument, liquidated, quantity, fillPrice, exchangeMicros,
                receiveMicros, out);
        return ok ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
