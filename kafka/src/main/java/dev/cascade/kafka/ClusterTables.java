package dev.cascade.kafka;

import java.util.List;

/**
 * The cluster's output in a QuestDB server (the job's {@code --questdb}), which {@code serve --source questdb}
 * follows. Each table has typed columns for SQL and, beside them, the record as the Kafka topics carry it
 * ({@code result}: the results topic's JSON; {@code record}: an {@link EventCodec} record in base64;
 * {@code body}: an {@link OverviewCodec} document), so that a reader of either decodes the same bytes the same way.
 * {@code written} is when the job's writer sent the row, strictly increasing per writer: rows of any event time
 * arrive at any time (revisions, late events, a recount), so a reader follows a table by it, not by {@code ts}.
 * {@code DEDUP UPSERT KEYS} make a row the job writes again (restored from its last checkpoint) replace itself:
 * at-least-once delivery, exactly-once content.
 */
public final class ClusterTables {
    /** The job's instrument-minutes, a row per instrument and minute (its latest revision). */
    public static final String MINUTES = "cascade_minutes";
    /** Liquidations, open interest, marks and funding (after the job's dedupe), and every late event. */
    public static final String EVENTS = "cascade_events";
    /** CoinGecko and Fear &amp; Greed documents, as the collector published them. */
    public static final String OVERVIEW = "cascade_overview";

    /** {@link #EVENTS}' {@code stream}: an event for the figures, or one past the job's lateness (late parts). */
    public static final String STREAM_EVENT = "event";
    public static final String STREAM_LATE = "late";

    /** Statements that create the tables (idempotent); ILP adds the columns later versions write to older tables. */
    public static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS " + MINUTES + " (ts TIMESTAMP, venue SYMBOL, exchange SYMBOL, symbol SYMBOL, "
                    + "coin SYMBOL, revision LONG, long_usd DOUBLE, short_usd DOUBLE, long_count LONG, short_count LONG, "
                    + "largest_side SYMBOL, largest_usd DOUBLE, largest_price DOUBLE, largest_quantity DOUBLE, "
                    + "largest_ts TIMESTAMP, taker_buy_usd DOUBLE, taker_sell_usd DOUBLE, volume_usd DOUBLE, "
                    + "volume_coin DOUBLE, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, open_interest_usd DOUBLE, "
                    + "mark_price DOUBLE, funding_rate DOUBLE, trades LONG, open_interest LONG, mark_prices LONG, "
                    + "funding_rates LONG, candles LONG, result VARCHAR, written TIMESTAMP) "
                    + "TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, venue, symbol)",
            "CREATE TABLE IF NOT EXISTS " + EVENTS + " (ts TIMESTAMP, stream SYMBOL, kind SYMBOL, venue SYMBOL, "
                    + "symbol SYMBOL, digest LONG, record VARCHAR, written TIMESTAMP) "
                    + "TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, stream, kind, venue, symbol, digest)",
            "CREATE TABLE IF NOT EXISTS " + OVERVIEW + " (ts TIMESTAMP, kind SYMBOL, digest LONG, body VARCHAR, "
                    + "written TIMESTAMP) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, kind, digest)");

    private ClusterTables() {
    }

    /** A record's identity in its table's key (with its time and kind): a 64-bit hash of its bytes. */
    public static long digest(byte[] bytes) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
