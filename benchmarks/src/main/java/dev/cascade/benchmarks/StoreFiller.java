package dev.cascade.benchmarks;

import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.Coin;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.store.Store;
import dev.cascade.store.StoreWriter;
import java.nio.file.Path;
import java.util.Random;

/**
 * Fills a new store with DAYS days of a live run's rows at the seed day's density, for restart benchmarks
 * (scripts/bench-restart.sh): per instrument and minute an open interest, a mark price, a funding rate and a
 * minute bar (made by {@link MarketBars} from three trades), and about 1,100 liquidations a day in all. With
 * {@code trades}, the three trades are stored too, as {@code --store-trades} does (export benchmarks).
 *
 * <pre>  java -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.StoreFiller DIR DAYS [INSTRUMENTS [trades]]</pre>
 */
public final class StoreFiller {
    /** 2025-05-07T00:00:00Z. */
    private static final long T0 = 1_746_576_000_000_000L;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int days = Integer.parseInt(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean isKeepingTrades = args.length > 3 && args[3].equals("trades");
        InstrumentRegistry registry = new InstrumentRegistry();
        Instrument[] instruments = new Instrument[n];
        for (int i = 0; i < n; i++) {
            instruments[i] = registry.define(InstrumentSpec.linear(Venue.values()[i % 5], "C" + i + "USDT",
                    Coin.of("C" + i)));
        }
        Random random = new Random(7);
        double[] price = new double[n];
        java.util.Arrays.fill(price, 100);
        MarketBars bars = new MarketBars(MarketBars.Retention.LIVE);
        bars.keepChanges();
        Trade trade = new Trade();
        Liquidation liquidation = new Liquidation();
        OpenInterest oi = new OpenInterest();
        MarkPrice mark = new MarkPrice();
        FundingRate funding = new FundingRate();
        long id = 0;
        long start = System.nanoTime();
        try (Store store = Store.openForWriting(dir, days + 5);
             StoreWriter w = new StoreWriter(store, isKeepingTrades, 200, x -> { })) {
            for (long minute = 0; minute < days * 1_440L; minute++) {
                long t = T0 + minute * Micros.PER_MINUTE;
                for (int i = 0; i < n; i++) {
                    Instrument in = instruments[i];
                    for (int k = 0; k < 3; k++) {
                        price[i] *= 1 + 0.0005 * random.nextGaussian();
                        bars.onTrade(trade.set(in, random.nextBoolean() ? TakerSide.BUY : TakerSide.SELL,
                                1 + random.nextInt(50), price[i], ++id, t + k * 15_000_000L, t + k * 15_000_000L));
                        if (isKeepingTrades) {
                            w.onTrade(trade);
                        }
                    }
                    w.onOpenInterest(oi.set(in, 1e6, 1e6 * price[i], t + 30_000_000L, t + 30_000_000L));
                    w.onMarkPrice(mark.set(in, price[i], price[i], t + 40_000_000L, t + 40_000_000L));
                    w.onFundingRate(funding.set(in, 0.0001, t + 8 * Micros.PER_HOUR, t + 50_000_000L,
                            t + 50_000_000L));
                    if (random.nextInt(n * 4 / 3 + 1) == 0) {
                        w.onLiquidation(liquidation.set(in, random.nextBoolean() ? Side.LONG : Side.SHORT,
                                1 + random.nextInt(500), price[i], t + 20_000_000L, t + 20_000_000L));
                    }
                }
                if (minute % 60 == 59) {
                    bars.drainChanged(w::onMinuteBar);
                }
            }
            bars.drainChanged(w::onMinuteBar);
        }
        try (Store store = Store.openForReading(dir)) {
            System.out.printf("%d days, %d instruments in %.1f s: %,d liquidations, %,d bars, %,d open interest, "
                    + "%,d marks, %,d funding rows, %,d trades%n", days, n, (System.nanoTime() - start) / 1e9,
                    store.count("liquidations"), store.count("bars_1m"), store.count("open_interest"),
                    store.count("mark_prices"), store.count("funding"), store.count("trades"));
        }
    }
}
