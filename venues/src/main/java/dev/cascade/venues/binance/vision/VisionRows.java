package dev.cascade.venues.binance.vision;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import dev.cascade.venues.binance.BinanceSymbols;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;
import java.nio.charset.StandardCharsets;

/** What all data.binance.vision rows share: times in ms (µs in spot files since 2025) and the symbol. */
final class VisionRows {
    /** Values at or above this are microseconds: 10^14 ms would be the year 5138. */
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private VisionRows() {
    }

    /** The row's time field as microseconds, or MIN_VALUE when it is not an integer. */
    static long micros(CsvRow row, int field) {
        long v = row.integer(field);
        if (v == Ascii.NOT_A_LONG) {
            return Long.MIN_VALUE;
        }
        return v >= MICROS_THRESHOLD ? v : Micros.ofMillis(v);
    }

    /** The file's instrument: USDⓈ-M symbols are known by convention, COIN-M ones need exchangeInfo. */
    static Instrument instrument(InstrumentRegistry instruments, String symbol) {
        byte[] b = symbol.getBytes(StandardCharsets.US_ASCII);
        return instruments.resolve(Venue.BINANCE_USDM, b, 0, b.length, BinanceSymbols.INSTANCE);
    }

    static boolean isBuyerMaker(CsvRow row, int field) {
        return row.equalsIgnoreCase(field, VisionKind.TRUE);
    }

    static boolean isFlag(CsvRow row, int field) {
        return row.equalsIgnoreCase(field, VisionKind.TRUE) || row.equalsIgnoreCase(field, VisionKind.FALSE);
    }
}
