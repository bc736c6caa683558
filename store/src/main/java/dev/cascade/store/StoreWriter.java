package dev.cascade.store;

import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.wal.WalWriter;
import io.questdb.std.str.Utf8String;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps events in the {@link Store}: a listener on the pipeline thread that copies each event into a row and
 * queues it; one writer thread appends rows to the tables' WAL writers and commits at least every
 * {@code commitMillis} (or every {@code BATCH} rows). A commit is the acknowledgement: {@link #acknowledged()}
 * counts the rows committed, and {@code onCommit} hears of each. Trades are stored only when asked (they are
 * most of the volume); the minute bars made of them are stored always ({@link #onMinuteBar}). A full queue blocks the caller, as the
 * pipeline's own queue blocks the sockets: nothing accepted is dropped.
 */
public final class StoreWriter implements MarketListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final int BATCH = 50_000;

    /** One event as stored; a bar carries its fields in {@code bar} and {@code barTimes}. */
    private record Row(String table, long ts, Instrument instrument, String side, double a, double b, long c, long d,
                       long received, double[] bar, long[] barTimes, String body) {
        Row(String table, long ts, Instrument instrument, String side, double a, double b, long c, long d,
            long received) {
            this(table, ts, instrument, side, a, b, c, d, received, null, null, null);
        }
    }

    private static final Row END = new Row(null, 0, null, null, 0, 0, 0, 0, 0);

    private final Store store;
    private final boolean isStoringTrades;
    private final long commitMillis;
    private final LongConsumer onCommit;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(1 << 16);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread thread = new Thread(this::run, "store");
    private volatile Throwable failure;

    private final long retentionMicros;
    private long nextRetentionMillis;
    private final Journal journal;

    /**
     * Where the events were written before they reached the store, made durable before each commit: then
     * everything committed is in the journal too, and a restart can take from it what a crash kept from the store.
     */
    public interface Journal {
        Journal NONE = () -> { };

        void sync() throws InterruptedException;
    }

    public StoreWriter(Store store, boolean isStoringTrades, long commitMillis, LongConsumer onCommit) {
        this(store, isStoringTrades, commitMillis, onCommit, 0);
    }

    /**
     * With {@code retentionMicros} above 0, drops the days older than that (before the latest event) once an hour,
     * between commits.
     */
    public StoreWriter(Store store, boolean isStoringTrades, long commitMillis, LongConsumer onCommit,
                       long retentionMicros) {
        this(store, isStoringTrades, commitMillis, onCommit, retentionMicros, Journal.NONE);
    }

    /** With a {@code journal} made durable before each commit (a live run's recording). */
    public StoreWriter(Store store, boolean isStoringTrades, long commitMillis, LongConsumer onCommit,
                       long retentionMicros, Journal journal) {
        this.journal = journal;
        this.store = store;
        this.retentionMicros = retentionMicros;
        this.nextRetentionMillis = System.currentTimeMillis() + 3_600_000L;
        this.isStoringTrades = isStoringTrades;
        this.commitMillis = commitMillis;
        this.onCommit = onCommit;
        thread.start();
    }

    @Override
    public void onLiquidation(Liquidation e) {
        put(new Row(Tables.LIQUIDATIONS, e.exchangeMicros(), e.instrument(), e.side() == Side.LONG ? "long" : "short",
                e.quantity(), e.price(), 0, 0, e.receiveMicros()));
    }

    @Override
    public void onTrade(Trade e) {
        if (isStoringTrades) {
            put(new Row(Tables.TRADES, e.exchangeMicros(), e.instrument(), e.takerSide() == TakerSide.BUY ? "buy"
                    : "sell", e.quantity(), e.price(), e.id(), e.firstId(), e.receiveMicros()));
        }
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        put(new Row(Tables.OPEN_INTEREST, e.exchangeMicros(), e.instrument(), null, e.quantity(), e.usd(), 0, 0,
                e.receiveMicros()));
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        put(new Row(Tables.MARK_PRICES, e.exchangeMicros(), e.instrument(), null, e.markPrice(), e.indexPrice(), 0, 0,
                e.receiveMicros()));
    }

    @Override
    public void onFundingRate(FundingRate e) {
        put(new Row(Tables.FUNDING, e.exchangeMicros(), e.instrument(), null, e.rate(), 0, e.nextFundingMicros(), 0,
                e.receiveMicros()));
    }

    @Override
    public void onGlobalMarket(GlobalMarket e) {
        overview(OverviewRows.GLOBAL, e.timeMicros(), e);
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        overview(OverviewRows.COINS, e.timeMicros(), e);
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        overview(OverviewRows.FEAR_GREED, e.timeMicros(), e);
    }

    private void overview(String kind, long ts, Object event) {
        put(new Row(Tables.OVERVIEW, ts, null, kind, 0, 0, 0, 0, 0, null, null, OverviewRows.json(event)));
    }

    /**
     * A minute bar (BarSeries' export: slot first among the longs), or a minute's late part (what reached it
     * after it was rolled up; kept a microsecond after the minute, the minute's own row being another); the
     * arrays are copied.
     */
    public void onMinuteBar(Instrument instrument, double[] bar, long[] times, boolean isLatePart) {
        long ts = times[0] * 60_000_000L + (isLatePart ? Tables.LATE_PART_OFFSET_MICROS : 0);
        put(new Row(Tables.BARS, ts, instrument, null, 0, 0, 0, 0, 0, bar.clone(), times.clone(), null));
    }

    private void put(Row row) {
        if (failure != null) {
            return; // counted as a failure, reported by close()
        }
        if (!Double.isFinite(row.a()) || !Double.isFinite(row.b())) {
            refused.incrementAndGet(); // the decoders reject such values; the store never keeps one it could not read
            return;
        }
        try {
            queue.put(row);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events not kept because a value was not finite. */
    public long refused() {
        return refused.get();
    }

    /** Rows committed so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    private void run() {
        Map<String, WalWriter> writers = new HashMap<>();
        List<Row> batch = new ArrayList<>();
        boolean isEnding = false;
        try {
            while (!isEnding) {
                Row first = queue.poll(commitMillis, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                int rows = 0;
                for (Row r : batch) {
                    if (r == END) {
                        isEnding = true;
                        break;
                    }
                    append(writers.computeIfAbsent(r.table(), store::writer), r);
                    rows++;
                }
                batch.clear();
                if (rows > 0) {
                    journal.sync();
                    for (WalWriter w : writers.values()) {
                        w.commit();
                    }
                    acknowledged.addAndGet(rows);
                    onCommit.accept(acknowledged.get());
                    store.applyWal();
                }
                if (retentionMicros > 0 && System.currentTimeMillis() >= nextRetentionMillis) {
                    nextRetentionMillis = System.currentTimeMillis() + 3_600_000L;
                    store.dropOlderThan(retentionMicros);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("store: writing stopped: {}", e.toString());
        } finally {
            writers.values().forEach(WalWriter::close);
        }
    }

    private static void append(WalWriter w, Row r) {
        TableWriter.Row row = w.newRow(r.ts());
        if (r.table().equals(Tables.OVERVIEW)) {
            row.putSym(1, r.side());
            row.putVarchar(2, new Utf8String(r.body()));
            row.putTimestamp(3, r.ts());
            row.append();
            return;
        }
        Instrument i = r.instrument();
        row.putSym(1, i.venue().id());
        row.putSym(2, i.symbol());
        row.putSym(3, i.coin().name());
        row.putBool(4, i.isInverse());
        row.putDouble(5, i.contractSize());
        switch (r.table()) {
            case Tables.LIQUIDATIONS -> {
                row.putSym(6, r.side());
                row.putDouble(7, r.a());
                row.putDouble(8, r.b());
                row.putTimestamp(9, r.received());
            }
            case Tables.TRADES -> {
                row.putSym(6, r.side());
                row.putDouble(7, r.a());
                row.putDouble(8, r.b());
                row.putLong(9, r.c());
                row.putLong(10, r.d());
                row.putTimestamp(11, r.received());
            }
            case Tables.BARS -> {
                for (int k = 0; k < Tables.BAR_DOUBLES; k++) {
                    row.putDouble(6 + k, r.bar()[k]);
                }
                for (int k = 1; k < Tables.BAR_LONGS; k++) {
                    row.putLong(6 + Tables.BAR_DOUBLES + k - 1, r.barTimes()[k]);
                }
            }
            case Tables.OPEN_INTEREST, Tables.MARK_PRICES -> {
                row.putDouble(6, r.a());
                row.putDouble(7, r.b());
                row.putTimestamp(8, r.received());
            }
            default -> {
                row.putDouble(6, r.a());
                row.putTimestamp(7, r.c());
                row.putTimestamp(8, r.received());
            }
        }
        row.append();
    }

    /** Writes and commits what is queued, then stops; throws if writing had failed. */
    @Override
    public void close() {
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("store: writing failed: " + failure.getMessage(), failure);
        }
    }
}
