package dev.cascade.store;

import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored liquidations, trades or minute bars of a period as rows of named, typed columns, for {@code cascade
 * export}: the instrument's identity spelled out, USD computed by the model ({@link Instrument#notionalUsd}), a
 * bar's fields by name rather than by its place in the stored layout. Reads only; in time order.
 */
public final class StoreExport {
    /** What can be exported. */
    public enum What {
        LIQUIDATIONS(Tables.LIQUIDATIONS), TRADES(Tables.TRADES), BARS(Tables.BARS);

        final String table;

        What(String table) {
            this.table = table;
        }
    }

    /** A column's type: TIME is microseconds since the epoch (UTC); a missing DOUBLE is NaN. */
    public enum Type { TIME, TEXT, DOUBLE, LONG }

    public record Column(String name, Type type) {
    }

    /** Receives each row: one value per column, a {@code Long}, {@code String} or {@code Double}. */
    @FunctionalInterface
    public interface RowSink {
        void row(Object[] values) throws IOException;
    }

    private static final List<Column> INSTRUMENT = List.of(new Column("time", Type.TIME), new Column("venue", Type.TEXT),
            new Column("symbol", Type.TEXT), new Column("coin", Type.TEXT));

    /** The columns of each kind, in order. */
    public static List<Column> columns(What what) {
        List<Column> c = new java.util.ArrayList<>(INSTRUMENT);
        switch (what) {
            case LIQUIDATIONS -> c.addAll(List.of(new Column("side", Type.TEXT), new Column("quantity", Type.DOUBLE),
                    new Column("price", Type.DOUBLE), new Column("usd", Type.DOUBLE), new Column("received", Type.TIME)));
            case TRADES -> c.addAll(List.of(new Column("taker_side", Type.TEXT), new Column("quantity", Type.DOUBLE),
                    new Column("price", Type.DOUBLE), new Column("usd", Type.DOUBLE), new Column("id", Type.LONG),
                    new Column("received", Type.TIME)));
            case BARS -> {
                for (String d : BAR_DOUBLES) {
                    c.add(new Column(d, Type.DOUBLE));
                }
                c.add(new Column("trades", Type.LONG));
                // "late": what reached the minute after it was rolled up into its hour; add it to the minute's row
                c.add(new Column("part", Type.TEXT));
            }
        }
        return c;
    }

    /** The stored bar doubles in their stored order (d0..d11; BarSeries' layout). */
    private static final List<String> BAR_DOUBLES = List.of("open", "high", "low", "close", "taker_buy_usd",
            "taker_sell_usd", "volume_coin", "open_interest", "open_interest_usd", "mark_price", "funding_rate",
            "other_usd");
    /** The column of a bar's trade count among the stored longs t1..t10 (BarSeries.TRADE_COUNT). */
    private static final int BAR_TRADES = 6 + Tables.BAR_DOUBLES + 8 - 1;

    private StoreExport() {
    }

    /**
     * Hands each row of {@code what} with {@code fromMicros <= time < toMicros} to {@code sink}, in time order;
     * returns the number of rows.
     */
    public static long export(Store store, What what, long fromMicros, long toMicros, RowSink sink) throws IOException {
        if (store.token(what.table) == null) {
            return 0; // a store older than the table, or one that never kept trades
        }
        InstrumentRegistry registry = new InstrumentRegistry();
        Map<String, Instrument> instruments = new HashMap<>();
        int width = columns(what).size();
        long n = 0;
        // numbers Cascade computed, never text from a request
        String sql = "SELECT * FROM " + what.table + " WHERE ts >= " + fromMicros + " AND ts < " + toMicros + " ORDER BY ts";
        try (RecordCursorFactory factory = store.engine().select(sql, store.context());
             RecordCursor cursor = factory.getCursor(store.context())) {
            Record r = cursor.getRecord();
            while (cursor.hasNext()) {
                Object[] v = new Object[width];
                String venue = r.getSymA(1).toString();
                String symbol = r.getSymA(2).toString();
                String coin = r.getSymA(3).toString();
                v[0] = r.getTimestamp(0);
                v[1] = venue;
                v[2] = symbol;
                v[3] = coin;
                switch (what) {
                    case LIQUIDATIONS, TRADES -> {
                        Instrument i = instruments.computeIfAbsent(venue + ' ' + symbol, k -> define(registry, r));
                        double qty = r.getDouble(7);
                        double price = r.getDouble(8);
                        v[4] = r.getSymA(6).toString();
                        v[5] = qty;
                        v[6] = price;
                        v[7] = i.notionalUsd(qty, price);
                        if (what == What.LIQUIDATIONS) {
                            v[8] = r.getTimestamp(9);
                        } else {
                            v[8] = r.getLong(9);
                            v[9] = r.getTimestamp(11);
                        }
                    }
                    case BARS -> {
                        for (int k = 0; k < Tables.BAR_DOUBLES; k++) {
                            v[4 + k] = r.getDouble(6 + k);
                        }
                        v[4 + Tables.BAR_DOUBLES] = r.getLong(BAR_TRADES);
                        long ts = r.getTimestamp(0);
                        boolean isLate = Math.floorMod(ts, Micros.PER_MINUTE) != 0;
                        v[0] = ts - (isLate ? Tables.LATE_PART_OFFSET_MICROS : 0); // the minute it belongs to
                        v[5 + Tables.BAR_DOUBLES] = isLate ? "late" : "minute";
                    }
                }
                sink.row(v);
                n++;
            }
        } catch (SqlException e) {
            throw new IOException("store: " + e.getFlyweightMessage(), e);
        }
        return n;
    }

    private static Instrument define(InstrumentRegistry registry, Record r) {
        Coin coin = Coin.of(r.getSymA(3).toString());
        boolean isInverse = r.getBool(4);
        return registry.define(new InstrumentSpec(Venue.byId(r.getSymA(1).toString()), r.getSymA(2).toString(), coin,
                isInverse ? ContractType.INVERSE : ContractType.LINEAR, r.getDouble(5), isInverse ? "USD" : coin.name(),
                true));
    }
}
