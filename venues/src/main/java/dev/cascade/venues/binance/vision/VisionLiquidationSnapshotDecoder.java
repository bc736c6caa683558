package dev.cascade.venues.binance.vision;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/**
 * data.binance.vision {@code liquidationSnapshot} (the forceOrder stream archived; discontinued in 2024,
 * and its rows appear twice, which the liquidation dedupe absorbs).
 *
 * <pre>
 * time,side,order_type,time_in_force,original_quantity,price,average_price,order_status,last_fill_quantity,accumulated_fill_quantity
 * 1687656471926,BUY,LIMIT,IOC,7,30741.3,30631.6,FILLED,6,7
 * ms   forced order's side: SELL = long liquidated      contracts (CM) or coins (UM)   &lt;- accumulated = the quantity
 * </pre>
 * Same semantics as the live forceOrder: quantity accumulated fill, price average price (order price if 0).
 */
final class VisionLiquidationSnapshotDecoder implements RowDecoder {
    private static final byte[] SELL = Ascii.bytes("SELL");
    private static final byte[] BUY = Ascii.bytes("BUY");

    private final Instrument instrument;
    private final Liquidation event = new Liquidation();

    VisionLiquidationSnapshotDecoder(InstrumentRegistry instruments, String symbol) {
        this.instrument = VisionRows.instrument(instruments, symbol);
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 0 ? VisionRows.micros(row, 0) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() != 10) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        boolean isSell = row.equalsBytes(1, SELL);
        if (!isSell && !row.equalsBytes(1, BUY)) {
            out.onReject(Reject.BAD_SIDE);
            return FrameKind.REJECTED;
        }
        double quantity = row.number(9);
        if (quantity == 0) {
            out.onReject(Reject.UNFILLED_ORDER);
            return FrameKind.REJECTED;
        }
        double average = row.number(6);
        if (!(average >= 0)) { // only 0 means "no fill price": NaN (empty, malformed) and negatives are rejected
            out.onReject(Double.isNaN(average) ? (row.isEmpty(6) ? Reject.MISSING_FIELD : Reject.NOT_A_NUMBER)
                    : Reject.NON_POSITIVE_PRICE);
            return FrameKind.REJECTED;
        }
        double price = average > 0 ? average : row.number(5);
        long time = VisionRows.micros(row, 0);
        return Emit.liquidation(event, instrument, Side.ofForcedOrder(isSell), quantity, price, time, time, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
