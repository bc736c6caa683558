package dev.cascade.venues.binance.vision;

import dev.cascade.model.Checks;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.binance.BinanceSymbols;
import dev.cascade.venues.codec.CsvRow;

/**
 * data.binance.vision futures {@code metrics} (5-minute rows; the only vision file that names its symbol).
 *
 * <pre>
 * create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,...
 * 2023-06-25 00:00:00,BTCUSD_PERP,5578700.00000000,18265.00911826,"","","",0.00855776
 *  UTC, no zone       contracts (CM) or coins (UM)   coins (CM) or USDT (UM)     ratios ("" on CM)
 * </pre>
 * Open interest USD: the value column on UM; contracts x contract size on CM (whose value column is coins).
 */
final class VisionMetricsDecoder implements RowDecoder {
    private final InstrumentRegistry instruments;
    private final OpenInterest event = new OpenInterest();

    VisionMetricsDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 0 ? dateTimeMicros(row, 0) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() < 4) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        long time = dateTimeMicros(row, 0);
        double contracts = row.number(2);
        double value = row.number(3);
        Reject r = Checks.time(time);
        if (r == null && Double.isNaN(contracts)) {
            r = row.isEmpty(2) ? Reject.MISSING_FIELD : Reject.NOT_A_NUMBER;
        }
        Instrument instrument = r == null ? instruments.resolve(Venue.BINANCE_USDM, row.buffer(), row.start(1),
                row.length(1), BinanceSymbols.INSTANCE) : null;
        if (r == null && instrument == null) {
            r = Reject.UNKNOWN_INSTRUMENT;
        }
        if (r != null) {
            out.onReject(r);
            return FrameKind.REJECTED;
        }
        double usd = instrument.isInverse() ? instrument.notionalUsd(contracts, Double.NaN) : value;
        return Emit.openInterest(event, instrument, contracts, usd, time, time, out) ? FrameKind.DATA
                : FrameKind.REJECTED;
    }

    /** "YYYY-MM-DD HH:MM:SS" (UTC) as epoch microseconds, without allocating; MIN_VALUE if malformed. */
    static long dateTimeMicros(CsvRow row, int field) {
        byte[] b = row.buffer();
        int s = row.start(field);
        if (row.length(field) != 19 || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != ' ' || b[s + 13] != ':'
                || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * Micros.PER_MINUTE + second * Micros.PER_SECOND;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long) era * 146097 + doe - 719468;
    }
}
