package dev.cascade.benchmarks;

import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.store.Store;
import dev.cascade.store.StoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Rows a second through Cascade's own store writer: N trades (a millisecond apart over 40 instruments), then N
 * liquidations, each timed from the first event handed to the writer to the commit of the last. A fresh store
 * in a temporary directory each time.
 *
 * <pre>  java -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.StoreIngestBenchmark [ROWS]</pre>
 */
public final class StoreIngestBenchmark {
    private static final long T0 = 1_749_132_000_000_000L;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        InstrumentRegistry registry = new InstrumentRegistry();
        Instrument[] instruments = new Instrument[40];
        for (int i = 0; i < instruments.length; i++) {
            instruments[i] = registry.define(InstrumentSpec.linear(Venue.values()[i % 5], "C" + i + "USDT", Coin.of("C" + i)));
        }
        for (int run = 0; run < 3; run++) {
            Path dir = Files.createTempDirectory("cascade-store-bench");
            try (Store store = Store.open(dir)) {
                Trade t = new Trade();
                long start = System.nanoTime();
                try (StoreWriter w = new StoreWriter(store, true, 100, n -> { })) {
                    for (int i = 0; i < rows; i++) {
                        w.onTrade(t.set(instruments[i % 40], (i & 1) == 0 ? TakerSide.BUY : TakerSide.SELL, 0.01 * (1 + i % 9),
                                100 + i % 17, i, T0 + i * 1_000L, T0 + i * 1_000L + 50));
                    }
                }
                double trades = rows / ((System.nanoTime() - start) / 1e9);
                Liquidation l = new Liquidation();
                start = System.nanoTime();
                try (StoreWriter w = new StoreWriter(store, false, 100, n -> { })) {
                    for (int i = 0; i < rows; i++) {
                        w.onLiquidation(l.set(instruments[i % 40], (i & 1) == 0 ? Side.LONG : Side.SHORT, 1 + i % 7,
                                100 + i % 13, T0 + i * 1_000L, T0 + i * 1_000L + 50));
                    }
                }
                double liquidations = rows / ((System.nanoTime() - start) / 1e9);
                System.out.printf("run %d: %,d trades at %,.0f rows/s; %,d liquidations at %,.0f rows/s (stored %,d + %,d)%n",
                        run + 1, rows, trades, rows, liquidations, store.count("trades"), store.count("liquidations"));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
