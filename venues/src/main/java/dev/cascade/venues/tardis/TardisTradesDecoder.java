package dev.cascade.venues.tardis;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/**
 * Tardis.dev CSV {@code trades} and {@code liquidations}, which share one layout:
 *
 * <pre>
 * exchange,symbol,timestamp,local_timestamp,id,side,price,amount
 * binance-futures,BTCUSDT,1585699200245000,1585699200355684,356714548,sell,6409.87,0.011
 *                          exchange time µs  Tardis receive µs  id  side  price  amount (native unit)
 * </pre>
 * Trades: {@code side} is the taker's (buy, sell, unknown). Liquidations: {@code side} is the forced order's,
 * so {@code sell} means a long was liquidated; the id is empty for Binance, Bybit and OKX.
 */
public final class TardisTradesDecoder implements RowDecoder {
    private static final int EXCHANGE = 0;
    private static final int SYMBOL = 1;
    private static final int TIMESTAMP = 2;
    private static final int LOCAL_TIMESTAMP = 3;
    private static final int ID = 4;
    private static final int SIDE = 5;
    private static final int PRICE = 6;
    private static final int AMOUNT = 7;
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");
    private static final byte[] UNKNOWN = Ascii.bytes("unknown");

    private final InstrumentRegistry instruments;
    private final boolean isLiquidations;
    private final Trade trade = new Trade();
    private final Liquidation liquidation = new Liquidation();
    private final FieldReader fields = new FieldReader();

    private TardisTradesDecoder(InstrumentRegistry instruments, boolean isLiquidations) {
        this.instruments = instruments;
        this.isLiquidations = isLiquidations;
    }

    public static TardisTradesDecoder trades(InstrumentRegistry instruments) {
        return new TardisTradesDecoder(instruments, false);
    }

    public static TardisTradesDecoder liquidations(InstrumentRegistry instruments) {
        return new TardisTradesDecoder(instruments, true);
    }

    @Override
    public long rowTime(CsvRow row) {
        return TardisTime.receive(row, TIMESTAMP, LOCAL_TIMESTAMP);
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() < 8) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        TardisExchange exchange = TardisExchange.of(row, EXCHANGE);
        if (exchange == null) {
            out.onReject(Reject.UNSUPPORTED_VENUE);
            return FrameKind.REJECTED;
        }
        FieldReader f = fields.reset();
        long exchangeMicros = f.time(row, TIMESTAMP, 1);
        long receiveMicros = row.isEmpty(LOCAL_TIMESTAMP) ? exchangeMicros : f.time(row, LOCAL_TIMESTAMP, 1);
        double price = f.number(row, PRICE);
        double amount = f.number(row, AMOUNT);
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        Instrument instrument = instruments.resolve(exchange.venue, row.buffer(), row.start(SYMBOL), row.length(SYMBOL),
                exchange.convention);
        boolean isSell = row.equalsBytes(SIDE, SELL);
        boolean isBuy = !isSell && row.equalsBytes(SIDE, BUY);
        if (isLiquidations) {
            if (!isSell && !isBuy) {
                out.onReject(Reject.BAD_SIDE);
                return FrameKind.REJECTED;
            }
            return Emit.liquidation(liquidation, instrument, Side.ofForcedOrder(isSell), amount, price, exchangeMicros,
                    receiveMicros, out) ? FrameKind.DATA : FrameKind.REJECTED;
        }
        TakerSide side = isSell ? TakerSide.SELL : isBuy ? TakerSide.BUY : TakerSide.UNKNOWN;
        if (side == TakerSide.UNKNOWN && !row.equalsBytes(SIDE, UNKNOWN)) {
            out.onReject(Reject.BAD_SIDE);
            return FrameKind.REJECTED;
        }
        long id = row.integer(ID);
        if (id == Ascii.NOT_A_LONG) {
            id = Ascii.hash64(row.buffer(), row.start(ID), row.end(ID));
        }
        return Emit.trade(trade, instrument, side, amount, price, id, exchangeMicros, receiveMicros, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }

    /** Whether a header names this layout. */
    public static boolean matchesHeader(CsvRow header) {
        return header.count() == 8 && header.string(0).equals("exchange") && header.string(4).equals("id")
                && header.string(5).equals("side") && header.string(7).equals("amount");
    }
}
