package dev.cascade.venues.binance.vision;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.venues.RowDecoder;
import dev.cascade.venues.codec.CsvRow;

/**
 * The data.binance.vision futures files Cascade reads, told apart by their first row: a header where the
 * file has one, else the shape of the data (newer files have headers, older ones do not).
 */
public enum VisionKind {
    AGG_TRADES("aggTrades"),
    TRADES("trades"),
    KLINES("klines"),
    METRICS("metrics"),
    FUNDING_RATE("fundingRate"),
    LIQUIDATION_SNAPSHOT("liquidationSnapshot");

    private final String id;

    VisionKind(String id) {
        this.id = id;
    }

    /** The dataset name data.binance.vision uses. */
    public String id() {
        return id;
    }

    /** The kind whose header this row is, or null. */
    public static VisionKind ofHeader(CsvRow row) {
        if (row.count() == 0) {
            return null;
        }
        String first = row.string(0).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (first) {
            case "agg_trade_id" -> row.count() == 7 ? AGG_TRADES : null;
            case "id", "trade_id", "trade id" -> row.count() == 6 ? TRADES : null;
            case "open_time", "open time" -> row.count() >= 11 ? KLINES : null;
            case "create_time" -> row.count() >= 4 && row.string(1).equals("symbol") ? METRICS : null;
            case "calc_time" -> row.count() == 3 ? FUNDING_RATE : null;
            case "time" -> row.count() == 10 && row.string(1).equals("side") ? LIQUIDATION_SNAPSHOT : null;
            default -> null;
        };
    }

    /** The kind of a headerless data row, judged by its shape, or null. */
    public static VisionKind ofData(CsvRow row) {
        if (row.count() == 0 || row.integer(0) == dev.cascade.venues.codec.Ascii.NOT_A_LONG) {
            return null;
        }
        boolean endsWithFlag = row.equalsIgnoreCase(row.count() - 1, TRUE) || row.equalsIgnoreCase(row.count() - 1, FALSE);
        if (row.count() == 7 && endsWithFlag) {
            return AGG_TRADES;
        }
        if (row.count() == 6 && endsWithFlag) {
            return TRADES;
        }
        if (row.count() == 12 && !Double.isNaN(row.number(4))) {
            return KLINES;
        }
        return null;
    }

    /** A decoder for rows of this kind; {@code symbol} comes from the file name for all but metrics. */
    public RowDecoder decoder(InstrumentRegistry instruments, String symbol) {
        return switch (this) {
            case AGG_TRADES -> new VisionAggTradesDecoder(instruments, symbol);
            case TRADES -> new VisionTradesDecoder(instruments, symbol);
            case KLINES -> new VisionKlinesDecoder(instruments, symbol);
            case METRICS -> new VisionMetricsDecoder(instruments);
            case FUNDING_RATE -> new VisionFundingRateDecoder(instruments, symbol);
            case LIQUIDATION_SNAPSHOT -> new VisionLiquidationSnapshotDecoder(instruments, symbol);
        };
    }

    /** Whether rows of this kind need a symbol from outside the row. */
    public boolean needsSymbol() {
        return this != METRICS;
    }

    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
}
