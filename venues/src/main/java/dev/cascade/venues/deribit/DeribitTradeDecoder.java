package dev.cascade.venues.deribit;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Deribit {@code trades.*} notifications (research/venues-next.md §2): every trade, and a liquidation for each
 * side the {@code liquidation} flag names.
 *
 * <pre>
 * {"jsonrpc":"2.0","method":"subscription",
 *  "params":{"channel":"trades.future.any.100ms",
 *            "data":[{"trade_seq":40782080,            per-instrument sequence: the trade id
 *                     "trade_id":"66460626",
 *                     "timestamp":1584058067675,       ms
 *                     "price":4458.5,
 *                     "amount":2500,                   USD for inverse futures, coins for linear ones
 *                     "direction":"buy",               TAKER side
 *                     "liquidation":"M",               only on liquidations: M maker, T taker, MT both
 *                     "instrument_name":"BTC-PERPETUAL", ...}]}}
 * </pre>
 * The trade is always emitted; a flagged trade also emits one liquidation per liquidated side, of the
 * trade's amount at its price and time ({@link #liquidatedSide}). A backfill page of
 * {@code public/get_last_trades_by_instrument} holds the same rows under {@code result.trades}.
 */
public final class DeribitTradeDecoder {
    private static final byte[] PARAMS = Ascii.bytes("params");
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] RESULT = Ascii.bytes("result");
    private static final byte[] TRADES = Ascii.bytes("trades");
    private static final byte[] INSTRUMENT = Ascii.bytes("instrument_name");
    private static final byte[] SEQ = Ascii.bytes("trade_seq");
    private static final byte[] TIMESTAMP = Ascii.bytes("timestamp");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] AMOUNT = Ascii.bytes("amount");
    private static final byte[] DIRECTION = Ascii.bytes("direction");
    private static final byte[] LIQUIDATION = Ascii.bytes("liquidation");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");
    private static final byte[] MAKER = Ascii.bytes("M");
    private static final byte[] TAKER = Ascii.bytes("T");
    private static final byte[] BOTH = Ascii.bytes("MT");

    private final InstrumentRegistry instruments;
    private final Trade trade = new Trade();
    private final Liquidation liquidation = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public DeribitTradeDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place: the flag names whose order was the liquidation (the taker's, whose side
     * is {@code direction}, or the maker's, the opposite one), and a liquidation order that sells closes a
     * long. So T with a sell and M with a buy liquidate a LONG; T with a buy and M with a sell a SHORT.
     */
    static Side liquidatedSide(TakerSide taker, boolean isMakerLiquidated) {
        boolean isLiquidationOrderSell = (taker == TakerSide.SELL) != isMakerLiquidated;
        return isLiquidationOrderSell ? Side.LONG : Side.SHORT;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        return decodeRows(t, t.member(t.member(frame, PARAMS), DATA), receiveMicros, out);
    }

    /** A recorded or fetched {@code get_last_trades_by_instrument} page: {@code {"result":{"trades":[...]}}}. */
    public FrameKind decodePage(JsonTape t, int body, long receiveMicros, MarketListener out) {
        return decodeRows(t, t.member(t.member(body, RESULT), TRADES), receiveMicros, out);
    }

    private FrameKind decodeRows(JsonTape t, int data, long receiveMicros, MarketListener out) {
        if (!t.isArray(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int d = t.firstElement(data); d >= 0; d = t.nextElement(data, d)) {
            FieldReader f = fields.reset();
            int name = t.member(d, INSTRUMENT);
            long seq = f.integer(t, t.member(d, SEQ));
            long exchangeMicros = f.millis(t, t.member(d, TIMESTAMP));
            double price = f.number(t, t.member(d, PRICE));
            double amount = f.number(t, t.member(d, AMOUNT));
            int direction = t.member(d, DIRECTION);
            TakerSide taker = t.equalsBytes(direction, BUY) ? TakerSide.BUY : t.equalsBytes(direction, SELL) ? TakerSide.SELL
                    : null;
            if (taker == null) {
                f.fail(direction < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            int flag = t.member(d, LIQUIDATION);
            boolean isTaker = t.equalsBytes(flag, TAKER) || t.equalsBytes(flag, BOTH);
            boolean isMaker = t.equalsBytes(flag, MAKER) || t.equalsBytes(flag, BOTH);
            if (flag >= 0 && !isTaker && !isMaker) {
                f.fail(Reject.BAD_SIDE);
            }
            if (!t.isString(name)) {
                f.fail(name < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            Instrument instrument = instruments.resolve(Venue.DERIBIT, t.buffer(), t.start(name), t.length(name),
                    DeribitSymbols.INSTANCE);
            boolean ok = Emit.trade(trade, instrument, taker, amount, price, seq, exchangeMicros, receiveMicros, out);
            if (ok && isTaker) {
                Emit.liquidation(liquidation, instrument, liquidatedSide(taker, false), amount, price, exchangeMicros,
                        receiveMicros, out);
            }
            if (ok && isMaker) {
                Emit.liquidation(liquidation, instrument, liquidatedSide(taker, true), amount, price, exchangeMicros,
                        receiveMicros, out);
            }
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
