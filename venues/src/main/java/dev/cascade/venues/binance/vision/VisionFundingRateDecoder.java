package dev.cascade.venues.binance.vision;

import dev.cascade.model.Checks;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.CsvRow;

/**
 * data.binance.vision futures {@code fundingRate} (monthly files).
 *
 * <pre>
 * calc_time,funding_interval_hours,last_funding_rate
 * 1685577600011,8,0.00010000          ms, hours, fraction per interval
 * </pre>
 */
final class VisionFundingRateDecoder implements RowDecoder {
    private final Instrument instrument;
    private final FundingRate event = new FundingRate();

    VisionFundingRateDecoder(InstrumentRegistry instruments, String symbol) {
        this.instrument = VisionRows.instrument(instruments, symbol);
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 0 ? VisionRows.micros(row, 0) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() != 3) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        long time = VisionRows.micros(row, 0);
        double rate = row.number(2);
        Reject r = Checks.time(time);
        if (r == null && instrument == null) {
            r = Reject.UNKNOWN_INSTRUMENT;
        }
        if (r != null) {
            out.onReject(r);
            return FrameKind.REJECTED;
        }
        return Emit.fundingRate(event, instrument, rate, 0, time, time, out) ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
