package dev.cascade.venues.tardis;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/**
 * Tardis.dev CSV {@code derivative_ticker}: funding, open interest and prices, empty where the exchange did
 * not send them.
 *
 * <pre>
 * exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price
 * binance-futures,BTCUSDT,1599696000000000,1599696000135000,1599724800000000,0.0001,,31350.82,10275.4,10270.3,10273.9
 * </pre>
 * Open interest is the exchange's native figure (contracts); Bybit's documented both-sides figure is halved
 * to one side, as in the live ticker decoder. Its USD value uses the row's mark price (last price if none).
 */
public final class TardisDerivativeTickerDecoder implements RowDecoder {
    private static final int EXCHANGE = 0;
    private static final int SYMBOL = 1;
    private static final int TIMESTAMP = 2;
    private static final int LOCAL_TIMESTAMP = 3;
    private static final int FUNDING_TIMESTAMP = 4;
    private static final int FUNDING_RATE = 5;
    private static final int OPEN_INTEREST = 7;
    private static final int LAST_PRICE = 8;
    private static final int INDEX_PRICE = 9;
    private static final int MARK_PRICE = 10;

    private final InstrumentRegistry instruments;
    private final MarkPrice mark = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final OpenInterest openInterest = new OpenInterest();
    private final FieldReader fields = new FieldReader();

    public TardisDerivativeTickerDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    @Override
    public long rowTime(CsvRow row) {
        return TardisTime.receive(row, TIMESTAMP, LOCAL_TIMESTAMP);
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() < 11) {
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
        double markPrice = optional(row, MARK_PRICE, f);
        double indexPrice = optional(row, INDEX_PRICE, f);
        double lastPrice = optional(row, LAST_PRICE, f);
        double rate = optional(row, FUNDING_RATE, f);
        double oi = optional(row, OPEN_INTEREST, f);
        Instrument instrument = instruments.resolve(exchange.venue, row.buffer(), row.start(SYMBOL), row.length(SYMBOL),
                exchange.convention);
        if (f.problem() == null && instrument == null) {
            f.fail(Reject.UNKNOWN_INSTRUMENT);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        // each event is checked on its own: a bad open interest does not take the row's good mark price with it
        boolean isData = false;
        boolean isRejected = false;
        if (!Double.isNaN(markPrice)) {
            boolean ok = Emit.markPrice(mark, instrument, markPrice, indexPrice, exchangeMicros, receiveMicros, out);
            isData |= ok;
            isRejected |= !ok;
        }
        if (!Double.isNaN(rate)) {
            long next = row.isEmpty(FUNDING_TIMESTAMP) ? 0 : row.integer(FUNDING_TIMESTAMP);
            boolean ok = Emit.fundingRate(funding, instrument, rate, next == Ascii.NOT_A_LONG ? 0 : next,
                    exchangeMicros, receiveMicros, out);
            isData |= ok;
            isRejected |= !ok;
        }
        if (!Double.isNaN(oi)) {
            boolean isBothSides = instrument.venue() == Venue.BYBIT_LINEAR || instrument.venue() == Venue.BYBIT_INVERSE;
            double contracts = isBothSides ? oi / 2 : oi;
            double price = markPrice > 0 ? markPrice : lastPrice;
            boolean ok = Emit.openInterest(openInterest, instrument, contracts, instrument.notionalUsd(contracts, instrument.unitPrice(price)),
                    exchangeMicros, receiveMicros, out);
            isData |= ok;
            isRejected |= !ok;
        }
        if (isRejected && !isData) {
            return FrameKind.REJECTED;
        }
        return isData ? FrameKind.DATA : FrameKind.IGNORED;
    }

    /** NaN for an empty field; a field that is present but not a number is a problem. */
    private static double optional(CsvRow row, int field, FieldReader f) {
        return row.isEmpty(field) ? Double.NaN : f.number(row, field);
    }

    /** Whether a header names this layout. */
    public static boolean matchesHeader(CsvRow header) {
        return header.count() >= 11 && header.string(0).equals("exchange") && header.string(5).equals("funding_rate")
                && header.string(7).equals("open_interest") && header.string(10).equals("mark_price");
    }
}
