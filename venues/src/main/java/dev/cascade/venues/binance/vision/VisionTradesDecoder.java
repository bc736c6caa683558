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
 * data.binance.vision futures {@code trades}.
 *
 * <pre>
 * id,price,qty,quote_qty,time,is_buyer_maker           UM: quote_qty = price x qty (USDT)
 * id,price,qty,base_qty,time,is_buyer_maker            CM: qty in contracts, base_qty in coins
 * 51254697,9.96,18.8,187.248,1617840001352,false
 * </pre>
 * {@code qty} is the instrument's native contracts in both, so the fourth column is not needed.
 */
final class VisionTradesDecoder implements RowDecoder {
    private final Instrument instrument;
    private final Trade event = new Trade();

    VisionTradesDecoder(InstrumentRegistry instruments, String symbol) {
        this.instrument = VisionRows.instrument(instruments, symbol);
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 4 ? VisionRows.micros(row, 4) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() != 6 || !VisionRows.isFlag(row, 5)) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        long id = row.integer(0);
        if (id == Ascii.NOT_A_LONG) {
            out.onReject(Reject.NOT_A_NUMBER);
            return FrameKind.REJECTED;
        }
        TakerSide side = VisionRows.isBuyerMaker(row, 5) ? TakerSide.SELL : TakerSide.BUY;
        long time = VisionRows.micros(row, 4);
        return Emit.trade(event, instrument, side, row.number(2), row.number(1), id, time, time, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
