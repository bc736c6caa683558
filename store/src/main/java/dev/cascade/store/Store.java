package dev.cascade.store;

import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import io.questdb.cairo.CairoConfiguration;
import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.cairo.wal.ApplyWal2TableJob;
import io.questdb.cairo.wal.CheckWalTransactionsJob;
import io.questdb.cairo.wal.WalWriter;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContext;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.std.str.Utf8s;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded store: QuestDB's engine in this process, on a directory, nothing to install.
 *
 * <pre>
 *   StoreWriter (a thread) ─> WalWriter per table ─> commit (the acknowledgement) ─> apply to the tables
 *   restart ─> apply what the WAL holds ─> load(): every stored event, in time order per table ─> aggregators
 * </pre>
 *
 * A committed WAL transaction survives the process being killed (the data is in the files the OS holds); a
 * power cut needs QuestDB's {@code cairo.commit.mode=sync}. Deduplication keys make writes idempotent, so a
 * replay of the same data, or a live run's overlap with what it stored before a restart, stores each event
 * once. For scale, the same tables can live in a QuestDB server (README, "Store").
 */
public final class Store implements AutoCloseable {
    /** Held by the one process writing the store. */
    static final String LOCK_FILE = "cascade-store.lock";

    private final CairoEngine engine;
    private final SqlExecutionContext context;
    private final Map<String, TableToken> tokens = new HashMap<>();
    private final Path directory;
    private final boolean isReadOnly;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final StoreManifest manifest;

    private Store(Path directory, CairoEngine engine, boolean isReadOnly, StoreManifest manifest, FileChannel lockChannel,
                  FileLock lock) {
        this.directory = directory;
        this.engine = engine;
        this.isReadOnly = isReadOnly;
        this.manifest = manifest;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.context = new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE);
    }

    /** Opens the store in {@code directory} for writing, creating it there when needed, with its own retention. */
    public static Store open(Path directory) throws IOException {
        return openForWriting(directory, null);
    }

    /**
     * Opens the store in {@code directory} for writing: creates one in a new or empty folder (retention
     * {@code retentionDays}, or {@value StoreManifest#DEFAULT_RETENTION_DAYS} days when null), refuses a folder that
     * holds other files, and keeps {@code retentionDays} as the store's retention when it is given. Applies what
     * the WAL still holds (a crash can leave committed transactions unapplied). One writer at a time: a second is
     * refused while the first runs.
     */
    public static Store openForWriting(Path directory, Integer retentionDays) throws IOException {
        boolean isNew = StoreManifest.isNewOrEmpty(directory);
        if (!isNew) {
            check(directory, " (the folder holds other files; a new store needs a new or empty folder)");
        }
        QuestDbLog.configure();
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this process already
        } finally {
            if (lock == null) {
                channel.close();
            }
        }
        if (lock == null) {
            throw new IOException(directory + ": the store is being written by another Cascade process");
        }
        StoreManifest manifest;
        try {
            manifest = isNew ? new StoreManifest(StoreManifest.FORMAT, retentionDays == null
                    ? StoreManifest.DEFAULT_RETENTION_DAYS : retentionDays, Instant.now().toString())
                    : StoreManifest.read(directory);
            if (isNew || !Files.exists(directory.resolve(StoreManifest.FILE))
                    || retentionDays != null && retentionDays != manifest.retentionDays()) {
                manifest = retentionDays == null ? manifest : manifest.withRetentionDays(retentionDays);
                manifest.write(directory);
            }
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        Store store = new Store(directory, new CairoEngine(new StoreConfiguration(
                directory.toAbsolutePath().toString(), false)), false, manifest, channel, lock);
        try {
            for (String table : Tables.ALL) {
                store.engine.execute(Tables.create(table), store.context);
                for (String upgrade : Tables.upgrade(table)) {
                    store.engine.execute(upgrade, store.context);
                }
                store.tokens.put(table, store.engine.getTableTokenIfExists(table));
            }
        } catch (SqlException e) {
            store.close();
            throw new IOException("store: " + e.getFlyweightMessage(), e);
        }
        // a crash can leave committed WAL transactions that no job was told of: find them, then apply them
        new CheckWalTransactionsJob(store.engine).checkMissingWalTransactions();
        store.applyWal();
        return store;
    }

    /**
     * Opens the store in {@code directory} to read it, changing nothing: no table created, nothing dropped or
     * applied (QuestDB's read-only instance). Refuses, with a one-line reason, a path that holds no Cascade store.
     * It reads what the writer has applied, which a running writer does after each commit.
     */
    public static Store openForReading(Path directory) throws IOException {
        check(directory, " (no " + StoreManifest.FILE + " in it)");
        StoreManifest manifest = StoreManifest.read(directory);
        QuestDbLog.configure();
        CairoConfiguration configuration = new StoreConfiguration(directory.toAbsolutePath().toString(), true);
        Store store = new Store(directory, new CairoEngine(configuration), true, manifest, null, null);
        for (String table : Tables.ALL) {
            store.tokens.put(table, store.engine.getTableTokenIfExists(table));
        }
        return store;
    }

    /** A one-line refusal unless {@code directory} holds a Cascade store. */
    private static void check(Path directory, String why) throws IOException {
        if (!Files.exists(directory)) {
            throw new IOException(directory + ": no such directory (not a Cascade store)");
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + ": not a directory (not a Cascade store)");
        }
        if (!StoreManifest.isStore(directory)) {
            throw new IOException(directory + ": not a Cascade store" + why);
        }
    }

    /** The days the writer keeps, counted back from the latest event: the store's own setting. */
    public int retentionDays() {
        return manifest.retentionDays();
    }

    public boolean isReadOnly() {
        return isReadOnly;
    }

    public Path directory() {
        return directory;
    }

    WalWriter writer(String table) {
        if (isReadOnly) {
            throw new IllegalStateException("store: opened for reading");
        }
        return engine.getWalWriter(tokens.get(table));
    }

    /** Makes committed WAL transactions visible to queries. */
    void applyWal() {
        try (ApplyWal2TableJob job = new ApplyWal2TableJob(engine, 1)) {
            while (job.run(0)) {
                // until nothing is left to apply
            }
        }
    }

    /** For {@link StoreExport}: the engine, its context and a table's token (null when the store has no such table). */
    CairoEngine engine() {
        return engine;
    }

    SqlExecutionContext context() {
        return context;
    }

    TableToken token(String table) {
        return tokens.get(table);
    }

    /** Rows of a table. */
    public long count(String table) throws IOException {
        return tokens.get(checked(table)) == null ? 0 : single("SELECT count() FROM " + table);
    }

    /** The latest event time stored in any table, or {@link Long#MIN_VALUE} when the store is empty. */
    public long latestMicros() throws IOException {
        long latest = Long.MIN_VALUE;
        for (String table : Tables.ALL) {
            if (count(table) > 0) {
                latest = Math.max(latest, single("SELECT max(ts)::long FROM " + table));
            }
        }
        return latest;
    }

    /**
     * The latest receive time of any stored event, or {@link Long#MIN_VALUE} when none: where a restart's
     * recovery from the recordings starts.
     */
    public long latestReceivedMicros() throws IOException {
        long latest = Long.MIN_VALUE;
        for (String table : List.of(Tables.LIQUIDATIONS, Tables.TRADES, Tables.OPEN_INTEREST, Tables.MARK_PRICES,
                Tables.FUNDING)) {
            if (count(table) > 0) {
                latest = Math.max(latest, single("SELECT max(received)::long FROM " + table));
            }
        }
        return latest;
    }

    /**
     * Drops the days older than {@code retentionMicros} before the latest stored event: counted in event time,
     * so that a store of last year's replays keeps its data as a live store keeps its recent days.
     */
    public void dropOlderThan(long retentionMicros) throws IOException {
        long latest = latestMicros();
        if (latest != Long.MIN_VALUE) {
            dropBefore(latest - retentionMicros);
        }
    }

    /**
     * Drops the days wholly before {@code beforeMicros} from every table (retention by partition: a day is kept
     * until all of it is old).
     */
    public void dropBefore(long beforeMicros) throws IOException {
        if (isReadOnly) {
            throw new IllegalStateException("store: opened for reading; retention is the writer's");
        }
        long day = Math.floorDiv(beforeMicros, Micros.PER_DAY) * Micros.PER_DAY;
        for (String table : Tables.ALL) {
            if (count(table) > 0 && single("SELECT count() FROM " + table + " WHERE ts < " + day) > 0) {
                try {
                    // a number Cascade computed, never text from a request
                    engine.execute("ALTER TABLE " + table + " DROP PARTITION WHERE ts < " + day, context);
                } catch (SqlException e) {
                    throw new IOException("store: " + e.getFlyweightMessage(), e);
                }
            }
        }
        applyWal();
    }

    /** Receives a stored minute bar (the layout of {@code BarSeries.export}), or a minute's late part. */
    public interface BarSink {
        void onMinuteBar(Instrument instrument, double[] d, long[] t, boolean isLatePart);
    }

    /**
     * Hands every stored event to {@code out} and every minute bar to {@code bars}, table by table in time
     * order, defining instruments in {@code registry} from the identity stored beside each row. Trades are not
     * handed over: their minute bars carry what the aggregates need, and the trades table is their history.
     * Returns how many rows were read.
     */
    public long load(InstrumentRegistry registry, MarketListener out, BarSink bars) throws IOException {
        long n = 0;
        Map<String, Instrument> instruments = new HashMap<>();
        Liquidation liquidation = new Liquidation();
        OpenInterest oi = new OpenInterest();
        MarkPrice mark = new MarkPrice();
        FundingRate funding = new FundingRate();
        double[] d = new double[Tables.BAR_DOUBLES];
        long[] t = new long[Tables.BAR_LONGS];
        for (String table : Tables.ALL) {
            if (table.equals(Tables.TRADES) || tokens.get(table) == null) {
                continue; // trades: their bars carry them; no table: a store older than the table
            }
            try (RecordCursorFactory factory = engine.select("SELECT * FROM " + table + " ORDER BY ts", context);
                 RecordCursor cursor = factory.getCursor(context)) {
                Record r = cursor.getRecord();
                int columns = factory.getMetadata().getColumnCount();
                while (cursor.hasNext()) {
                    long ts = r.getTimestamp(0);
                    if (table.equals(Tables.OVERVIEW)) {
                        OverviewRows.read(r.getSymA(1).toString(), Utf8s.toString(r.getVarcharA(2)), out);
                        n++;
                        continue;
                    }
                    Instrument i = instrument(registry, instruments, r);
                    switch (table) {
                        case Tables.LIQUIDATIONS -> out.onLiquidation(liquidation.set(i,
                                "long".equals(r.getSymA(6).toString()) ? Side.LONG : Side.SHORT, r.getDouble(7),
                                r.getDouble(8), ts, r.getTimestamp(9)));
                        case Tables.BARS -> {
                            for (int k = 0; k < Tables.BAR_DOUBLES; k++) {
                                d[k] = r.getDouble(6 + k);
                            }
                            t[0] = Math.floorDiv(ts, Micros.PER_MINUTE);
                            for (int k = 1; k < Tables.BAR_LONGS; k++) { // a read-only older store: no ids
                                int column = 6 + Tables.BAR_DOUBLES + k - 1;
                                t[k] = column < columns ? r.getLong(column) : Long.MIN_VALUE;
                            }
                            bars.onMinuteBar(i, d, t, Math.floorMod(ts, Micros.PER_MINUTE) != 0);
                        }
                        case Tables.OPEN_INTEREST -> out.onOpenInterest(oi.set(i, r.getDouble(6), r.getDouble(7), ts,
                                r.getTimestamp(8)));
                        case Tables.MARK_PRICES -> out.onMarkPrice(mark.set(i, r.getDouble(6), r.getDouble(7), ts,
                                r.getTimestamp(8)));
                        default -> out.onFundingRate(funding.set(i, r.getDouble(6), r.getTimestamp(7), ts,
                                r.getTimestamp(8)));
                    }
                    n++;
                }
            } catch (SqlException e) {
                throw new IOException("store: " + e.getFlyweightMessage(), e);
            }
        }
        return n;
    }

    private static Instrument instrument(InstrumentRegistry registry, Map<String, Instrument> seen, Record r) {
        String venue = r.getSymA(1).toString();
        String symbol = r.getSymA(2).toString();
        return seen.computeIfAbsent(venue + ' ' + symbol, k -> {
            Venue v = Venue.byId(venue);
            Coin coin = Coin.of(r.getSymA(3).toString());
            boolean isInverse = r.getBool(4);
            return registry.define(new InstrumentSpec(v, symbol, coin, isInverse ? ContractType.INVERSE
                    : ContractType.LINEAR, r.getDouble(5), isInverse ? "USD" : coin.name(), true));
        });
    }

    private long single(String sql) throws IOException {
        try (RecordCursorFactory factory = engine.select(sql, context);
             RecordCursor cursor = factory.getCursor(context)) {
            return cursor.hasNext() ? cursor.getRecord().getLong(0) : 0;
        } catch (SqlException e) {
            throw new IOException("store: " + e.getFlyweightMessage(), e);
        }
    }

    private static String checked(String table) {
        if (!Tables.ALL.contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        return table;
    }

    @Override
    public void close() {
        context.close();
        engine.close();
        try {
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
