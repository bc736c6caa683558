package dev.cascade.store;

import java.util.List;

/**
 * The store's tables, one per kind of normalized event, each with the instrument's identity beside the event
 * (so that a restart can rebuild instruments before their metadata is fetched again) and a deduplication key:
 * writing the same event twice keeps one row (QuestDB's {@code DEDUP UPSERT KEYS}, the DESIGN.md identity).
 * WAL tables partitioned by day, so retention drops whole days.
 */
final class Tables {
    static final String LIQUIDATIONS = "liquidations";
    static final String TRADES = "trades";
    static final String OPEN_INTEREST = "open_interest";
    static final String MARK_PRICES = "mark_prices";
    static final String FUNDING = "funding";

    /** Column order of every table starts with these (indexes 0..5); {@code ts} is the exchange time. */
    private static final String INSTRUMENT = "ts TIMESTAMP, venue SYMBOL, symbol SYMBOL, coin SYMBOL, inverse BOOLEAN, "
            + "contract DOUBLE, ";

    static final List<String> ALL = List.of(LIQUIDATIONS, TRADES, OPEN_INTEREST, MARK_PRICES, FUNDING);

    private Tables() {
    }

    static String create(String table) {
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
            default -> throw new IllegalArgumentException(table);
        }
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + INSTRUMENT + columns + ") TIMESTAMP(ts) PARTITION BY DAY WAL"
                + " DEDUP UPSERT KEYS(" + key + ")";
    }
}
