package dev.cascade.venues.binance.vision;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/**
 * data.binance.vision futures {@code aggTrades} (UM and CM; header row in newer files only; monthly files are
 * not sorted; rows with quantity 0.0 exist and are rejected as non-positive sizes).
 *
 * <pre>
 * agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker
 * 1715206948,29223.0,0.639,3643221425,3643221428,1682899200101,false
 *                    coins (UM) or contracts (CM)             ms  true: the taker SOLD
 * </pre>
 */
final class VisionAggTradesDecoder implements RowDecoder {
    private final Instrument instrument;
    private final Trade event = new Trade();

    VisionAggTradesDecoder(InstrumentRegistry instruments, String symbol) {
        this.instrument = VisionRows.instrument(instruments, symbol);
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 5 ? VisionRows.micros(row, 5) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() != 7 || !VisionRows.isFlag(row, 6)) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        long id = row.integer(0);
        if (id == Ascii.NOT_A_LONG) {
            out.onReject(Reject.NOT_A_NUMBER);
            return FrameKind.REJECTED;
        }
        TakerSide side = VisionRows.isBuyerMaker(row, 6) ? TakerSide.SELL : TakerSide.BUY;
        long time = VisionRows.micros(row, 5);
        return Emit.trade(event, instrument, side, row.number(2), row.number(1), id, time, time, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
