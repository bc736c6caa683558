package dev.cascade.venues.archive;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.binance.vision.VisionKind;
import dev.cascade.venues.codec.CsvRow;
import dev.cascade.venues.tardis.TardisDerivativeTickerDecoder;
import dev.cascade.venues.tardis.TardisTradesDecoder;
import java.util.Locale;

/**
 * The historical archives' CSV formats (Tardis.dev and data.binance.vision) told from a file's first line:
 * which format, which row decoder, whether that line is a header. The readers in ingest only open files and
 * hand the first line here; what each archive's columns and names mean stays with the venues.
 */
public final class ArchiveFormats {
    /** The archive formats Cascade reads. */
    public enum Kind {
        TARDIS_TRADES,
        TARDIS_LIQUIDATIONS,
        TARDIS_DERIVATIVE_TICKER,
        BINANCE_VISION
    }

    /**
     * A recognised file: its kind, a detail to show (vision: the kind and symbol), its row decoder, and
     * whether the first line is a header to skip.
     */
    public record Detected(Kind kind, String detail, RowDecoder decoder, boolean hasHeader) {
    }

    private ArchiveFormats() {
    }

    /**
     * The format shown by {@code firstLine}, already split; {@code head[from, len)} holds the lines after it
     * (Tardis trades and liquidations share columns, and their rows tell them apart), and {@code fileName}
     * gives what only a name can (a vision file's symbol). Null when no archive format matches.
     */
    public static Detected detect(CsvRow firstLine, byte[] head, int from, int len, String fileName,
                                  InstrumentRegistry instruments) {
        if (TardisTradesDecoder.matchesHeader(firstLine)) {
            boolean isLiquidations = hasOnlyEmptyIds(head, from, len, fileName);
            return new Detected(isLiquidations ? Kind.TARDIS_LIQUIDATIONS : Kind.TARDIS_TRADES, null,
                    isLiquidations ? TardisTradesDecoder.liquidations(instruments) : TardisTradesDecoder.trades(instruments),
                    true);
        }
        if (TardisDerivativeTickerDecoder.matchesHeader(firstLine)) {
            return new Detected(Kind.TARDIS_DERIVATIVE_TICKER, null, new TardisDerivativeTickerDecoder(instruments), true);
        }
        VisionKind kind = VisionKind.ofHeader(firstLine);
        boolean hasHeader = kind != null;
        if (kind == null) {
            kind = VisionKind.ofData(firstLine);
        }
        if (kind == null) {
            return null;
        }
        String symbol = kind.needsSymbol() ? visionSymbol(fileName) : null;
        String detail = kind.id() + (symbol == null ? "" : " " + symbol) + (hasHeader ? "" : ", no header");
        return new Detected(Kind.BINANCE_VISION, detail, kind.decoder(instruments, symbol == null ? "" : symbol), hasHeader);
    }

    /**
     * Tardis trades and liquidations share their columns. Liquidations of the venues Cascade covers have no
     * id, trades always do: the first rows decide. With no row to look at, the name is the only hint left.
     */
    private static boolean hasOnlyEmptyIds(byte[] head, int from, int len, String fileName) {
        CsvRow row = new CsvRow();
        int rows = 0;
        int lineStart = from;
        for (int i = from; i < len && rows < 50; i++) {
            if (head[i] == '\n') {
                if (row.split(head, lineStart, i > lineStart && head[i - 1] == '\r' ? i - 1 : i) && row.count() >= 8) {
                    if (!row.isEmpty(4)) {
                        return false;
                    }
                    rows++;
                }
                lineStart = i + 1;
            }
        }
        return rows > 0 || fileName.toLowerCase(Locale.ROOT).contains("liquidation");
    }

    /**
     * data.binance.vision names files SYMBOL-kind-date.csv (klines: SYMBOL-1m-date.csv); the symbol is the
     * upper-case run before the first dash, so a prefixed copy (um_trades_OMGUSDT-2021-04-08.csv) works too.
     */
    public static String visionSymbol(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dash = base.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String[] parts = base.substring(0, dash).split("_");
        int first = parts.length;
        while (first > 0 && parts[first - 1].matches("[A-Z0-9]+")) {
            first--;
        }
        return first == parts.length ? null : String.join("_", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }
}
