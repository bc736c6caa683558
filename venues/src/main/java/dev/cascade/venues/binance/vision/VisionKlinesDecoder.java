package dev.cascade.venues.binance.vision;

import dev.cascade.model.Candle;
import dev.cascade.model.Checks;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.CsvRow;

/**
 * data.binance.vision futures {@code klines} (trade candles; mark, index and premium klines share the layout
 * and cannot be told apart by content, so they are read as trade candles).
 *
 * <pre>
 * open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
 * 1704067200000,42314.0,42399.9,42289.6,42374.9,650.337,1704067259999,27546245.7,5811,378.1,16013562.6,0
 *  ms                                     contracts    ms            USDT (UM) or coins (CM)
 * </pre>
 * USD volumes: the quote columns on UM; contracts x contract size on CM, where "quote" is the coin.
 */
final class VisionKlinesDecoder implements RowDecoder {
    private final Instrument instrument;
    private final Candle event = new Candle();

    VisionKlinesDecoder(InstrumentRegistry instruments, String symbol) {
        this.instrument = VisionRows.instrument(instruments, symbol);
    }

    @Override
    public long rowTime(CsvRow row) {
        return row.count() > 6 ? VisionRows.micros(row, 6) : Long.MIN_VALUE;
    }

    @Override
    public FrameKind decode(CsvRow row, MarketListener out) {
        if (row.count() < 11) {
            out.onReject(Reject.MALFORMED_CSV);
            return FrameKind.REJECTED;
        }
        if (instrument == null) {
            out.onReject(Reject.UNKNOWN_INSTRUMENT);
            return FrameKind.REJECTED;
        }
        long open = VisionRows.micros(row, 0);
        long close = VisionRows.micros(row, 6);
        double o = instrument.unitPrice(row.number(1)); // per coin, as every event's price
        double h = instrument.unitPrice(row.number(2));
        double l = instrument.unitPrice(row.number(3));
        double c = instrument.unitPrice(row.number(4));
        double volume = row.number(5);
        Reject r = Checks.time(open);
        r = r != null ? r : Checks.price(o);
        r = r != null ? r : Checks.price(h);
        r = r != null ? r : Checks.price(l);
        r = r != null ? r : Checks.price(c);
        double takerBuy = row.number(9);
        double quote;
        double takerBuyQuote;
        if (instrument.isInverse()) {
            quote = instrument.notionalUsd(volume, c);
            takerBuyQuote = instrument.notionalUsd(takerBuy, c);
        } else {
            quote = row.number(7);
            takerBuyQuote = row.number(10);
        }
        if (r == null) {
            r = Checks.candleVolume(volume, quote);
        }
        if (r == null) {
            r = Checks.candleVolume(takerBuy, takerBuyQuote);
        }
        if (r != null) {
            out.onReject(r);
            return FrameKind.REJECTED;
        }
        long interval = close > open ? close + Micros.PER_MILLI - open : 0;
        out.onCandle(event.set(instrument, open, interval, o, h, l, c, volume, quote, takerBuy, takerBuyQuote,
                Math.max(0, row.integer(8))));
        return FrameKind.DATA;
    }
}
