package dev.cascade.store;

import java.util.List;

/**
 * The store's tables, one per kind of normalized event, each with the instrument's identity beside the event
 * (so that a restart can rebuild instruments before their metadata is fetched again) and a deduplication key:
 * writing the same event twice keeps one row (QuestDB's {@code DEDUP UPSERT KEYS}, the DESIGN.md identity).
 * WAL tables partitioned by day, so retention drops whole days. {@code bars_1m} keeps the aggregates' minute
 * bars (what the read-outs need of the trades), upserted as a minute fills up.
 */
final class Tables {
    static final String LIQUIDATIONS = "liquidations";
    static final String TRADES = "trades";
    static final String OPEN_INTEREST = "open_interest";
    static final String MARK_PRICES = "mark_prices";
    static final String FUNDING = "funding";
    static final String BARS = "bars_1m";
    /** Market overview events (CoinGecko snapshots and pages, Fear &amp; Greed readings) as JSON, by kind and time. */
    static final String OVERVIEW = "overview";
    /**
     * A minute bar's doubles and longs (BarSeries' layout), as columns d0..d11 and t1..t10 (t0 is ts's minute;
     * t9 and t10, the trade ids of the open and the close, came later: {@link #upgrade} adds them to older stores).
     */
    static final int BAR_DOUBLES = 12;
    static final int BAR_LONGS = 11;
    /** A minute's late part is kept at the minute plus this: another row than the minute's own, read back with it. */
    static final long LATE_PART_OFFSET_MICROS = 1;
    /** The longs a store of before the trade ids holds. */
    static final int BAR_LONGS_BEFORE_IDS = 9;

    /** Column order of every table starts with these (indexes 0..5); {@code ts} is the exchange time. */
    private static final String INSTRUMENT = "ts TIMESTAMP, venue SYMBOL, symbol SYMBOL, coin SYMBOL, inverse BOOLEAN, "
            + "contract DOUBLE, ";

    static final List<String> ALL = List.of(LIQUIDATIONS, TRADES, OPEN_INTEREST, MARK_PRICES, FUNDING, BARS, OVERVIEW);

    private Tables() {
    }

    /** Statements that bring a table made by an earlier version to this layout (none but for the bars). */
    static List<String> upgrade(String table) {
        if (!table.equals(BARS)) {
            return List.of();
        }
        List<String> columns = new java.util.ArrayList<>();
        for (int k = BAR_LONGS_BEFORE_IDS; k < BAR_LONGS; k++) {
            columns.add("ALTER TABLE " + BARS + " ADD COLUMN IF NOT EXISTS t" + k + " LONG");
        }
        return columns;
    }

    static String create(String table) {
        if (table.equals(OVERVIEW)) {
            // no instrument: a document of the whole market; the latest version of one kind at one time is kept
            return "CREATE TABLE IF NOT EXISTS " + OVERVIEW + " (ts TIMESTAMP, kind SYMBOL, body VARCHAR, received "
                    + "TIMESTAMP) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, kind)";
        }
        String columns;
        String key;
        switch (table) {
            case LIQUIDATIONS -> {
                columns = "side SYMBOL, qty DOUBLE, price DOUBLE, received TIMESTAMP";
                key = "ts, venue, symbol, side, qty, price";
            }
            case TRADES -> {
                columns = "side SYMBOL, qty DOUBLE, price DOUBLE, id LONG, first_id LONG, received TIMESTAMP";
                key = "ts, venue, symbol, id";
            }
            case OPEN_INTEREST -> {
                columns = "qty DOUBLE, usd DOUBLE, received TIMESTAMP";
                key = "ts, venue, symbol";
            }
            case MARK_PRICES -> {
                columns = "mark DOUBLE, index_price DOUBLE, received TIMESTAMP";
                key = "ts, venue, symbol";
            }
            case FUNDING -> {
                columns = "rate DOUBLE, next_funding TIMESTAMP, received TIMESTAMP";
                key = "ts, venue, symbol";
            }
            case BARS -> {
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < BAR_DOUBLES; k++) {
                    b.append("d").append(k).append(" DOUBLE, ");
                }
                for (int k = 1; k < BAR_LONGS; k++) {
                    b.append("t").append(k).append(" LONG").append(k + 1 < BAR_LONGS ? ", " : "");
                }
                columns = b.toString();
                key = "ts, venue, symbol"; // the latest version of a minute replaces the one before
            }
            default -> throw new IllegalArgumentException(table);
        }
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + INSTRUMENT + columns + ") TIMESTAMP(ts) PARTITION BY DAY WAL"
                + " DEDUP UPSERT KEYS(" + key + ")";
    }
}
