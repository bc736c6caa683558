package dev.cascade.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.Events;
import dev.cascade.testkit.FolderSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a store is opened: a writer creates one only in a new or empty folder and keeps its retention in the
 * store; a reader refuses what is not a store and changes nothing in one, not a byte.
 */
class StoreOpeningTest {
    @TempDir
    Path dir;

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");

    private void writeDays(Path store, int days) throws Exception {
        try (Store s = Store.openForWriting(store, 400); StoreWriter w = new StoreWriter(s, false, 10, n -> { })) {
            for (int day = 0; day < days; day++) {
                long t = StoreTest.T0 + day * Micros.PER_DAY;
                w.onLiquidation(StoreTest.liquidation(btc, day).set(btc, Side.LONG, 1, 100_000, t, t));
            }
        }
    }

    @Test
    void shouldReadAStoreWithoutChangingAByteOfIt() throws Exception {
        Path store = dir.resolve("store");
        writeDays(store, 60);
        Map<String, String> before = FolderSnapshot.of(store);
        try (Store s = Store.openForReading(store)) {
            assertThat(s.isReadOnly()).isTrue();
            assertThat(s.retentionDays()).isEqualTo(400);
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(60);
            CapturingListener got = new CapturingListener();
            assertThat(s.load(new InstrumentRegistry(), got, (i, d, t, isLate) -> { })).isEqualTo(60);
            assertThat(got.liquidations).hasSize(60);
            assertThatThrownBy(() -> s.dropOlderThan(Micros.PER_DAY)).hasMessageContaining("retention is the writer's");
        }
        assertThat(FolderSnapshot.of(store)).as("no file created, changed or removed").isEqualTo(before);
    }

    @Test
    void shouldKeepTheRetentionInTheStoreUntilAWriterIsToldOtherwise() throws Exception {
        Path store = dir.resolve("store");
        writeDays(store, 60); // created with 400 days
        try (Store s = Store.openForWriting(store, null)) {
            assertThat(s.retentionDays()).as("a writer not told keeps the store's").isEqualTo(400);
            s.dropOlderThan(s.retentionDays() * Micros.PER_DAY);
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(60);
        }
        try (Store s = Store.openForWriting(store, 10)) {
            assertThat(s.retentionDays()).isEqualTo(10);
        }
        try (Store s = Store.openForReading(store)) {
            assertThat(s.retentionDays()).as("kept in the store").isEqualTo(10);
        }
        assertThat(Files.readString(store.resolve(StoreManifest.FILE))).contains("retentionDays=10");
    }

    @Test
    void shouldCreateAStoreOnlyInANewOrEmptyFolder() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        try (Store s = Store.openForWriting(empty, null)) {
            assertThat(s.retentionDays()).isEqualTo(StoreManifest.DEFAULT_RETENTION_DAYS);
        }
        assertThat(StoreManifest.isStore(empty)).isTrue();
        try (Store s = Store.openForWriting(dir.resolve("new/nested"), 7)) {
            assertThat(s.retentionDays()).isEqualTo(7);
        }

        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Store.openForWriting(other, null)).isInstanceOf(IOException.class)
                .hasMessage(other + ": not a Cascade store (the folder holds other files; a new store needs a new or "
                        + "empty folder)");
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("nothing written among them")
                    .containsExactly("notes.txt");
        }
    }

    @Test
    void shouldRefuseToReadWhatIsNotAStore() throws Exception {
        Path missing = dir.resolve("typo-dir");
        assertThatThrownBy(() -> Store.openForReading(missing)).isInstanceOf(IOException.class)
                .hasMessage(missing + ": no such directory (not a Cascade store)");
        assertThat(missing).doesNotExist();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> Store.openForReading(file)).hasMessage(file + ": not a directory (not a Cascade store)");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Store.openForReading(empty)).hasMessageContaining("not a Cascade store");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void shouldTakeAStoreMadeBeforeTheManifestAsAStore() throws Exception {
        Path store = dir.resolve("store");
        writeDays(store, 3);
        Files.delete(store.resolve(StoreManifest.FILE)); // as stores were before the manifest
        try (Store s = Store.openForReading(store)) {
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(3);
            assertThat(s.retentionDays()).isEqualTo(StoreManifest.DEFAULT_RETENTION_DAYS);
        }
        assertThat(store.resolve(StoreManifest.FILE)).as("a reader marks nothing").doesNotExist();
        try (Store s = Store.openForWriting(store, null)) {
            assertThat(s.count(Tables.LIQUIDATIONS)).isEqualTo(3);
        }
        assertThat(Files.readString(store.resolve(StoreManifest.FILE))).contains("retentionDays=35");
    }

    @Test
    void shouldRefuseASecondWriterWhileTheFirstRuns() throws Exception {
        Path store = dir.resolve("store");
        try (Store first = Store.openForWriting(store, null)) {
            assertThatThrownBy(() -> Store.openForWriting(store, null))
                    .hasMessage(store + ": the store is being written by another Cascade process");
            try (Store reader = Store.openForReading(store)) {
                assertThat(reader.count(Tables.LIQUIDATIONS)).isZero();
            }
        }
        try (Store again = Store.openForWriting(store, null)) {
            assertThat(again.isReadOnly()).isFalse();
        }
    }

    @Test
    void shouldKeepTheOverviewEventsAndGiveThemBack() throws Exception {
        long t = StoreTest.T0;
        GlobalMarket global = new GlobalMarket(t, 3.2e12, 1.12e11, -2.01, Map.of("btc", 62.5, "eth", 9.1));
        CoinMarkets page = new CoinMarkets(t + 60_000_000L, List.of(
                new CoinMarkets.Coin("sei-network", "SEI", "Sei", 61, 0.2203, 1.2e9, 4.1e8, 10.2, Double.NaN)));
        FearGreedReading fng = new FearGreedReading(t - t % Micros.PER_DAY, 52, "Neutral");
        try (Store s = Store.openForWriting(dir, null); StoreWriter w = new StoreWriter(s, false, 10, n -> { })) {
            w.onGlobalMarket(global);
            w.onCoinMarkets(page);
            w.onFearGreed(fng);
            w.onFearGreed(fng); // the same reading again: kept once
        }
        CapturingListener got = new CapturingListener();
        try (Store s = Store.openForReading(dir)) {
            assertThat(s.count(Tables.OVERVIEW)).isEqualTo(3);
            assertThat(s.load(new InstrumentRegistry(), got, (i, d, x, isLate) -> { })).isEqualTo(3);
        }
        assertThat(got.globals).containsExactly(global);
        assertThat(got.coinPages).hasSize(1);
        CoinMarkets.Coin sei = got.coinPages.get(0).coins().get(0);
        assertThat(sei.priceUsd()).isEqualTo(0.2203);
        assertThat(sei.marketCapChangePct24h()).isNaN();
        assertThat(got.fearGreed).containsExactly(fng);
    }
}
