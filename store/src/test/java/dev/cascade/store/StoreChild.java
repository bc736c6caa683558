package dev.cascade.store;

import dev.cascade.model.Instrument;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.nio.file.Path;

/**
 * The child JVM of the crash test: writes {@code count} liquidations to the store in {@code args[0]}, printing
 * "acked N" after each commit, until killed (or done, then "done").
 */
public final class StoreChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        try (Store store = Store.open(dir);
             StoreWriter writer = new StoreWriter(store, false, 5, n -> {
                 System.out.println("acked " + n);
                 System.out.flush();
             })) {
            for (int i = 0; i < count; i++) {
                writer.onLiquidation(StoreTest.liquidation(btc, i));
                if (i % 500 == 0) {
                    Thread.sleep(2); // spread the writes over many commits
                }
            }
        }
        System.out.println("done");
    }
}
