package dev.cascade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.testkit.CapturingListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overview topic's records give back the documents they were made of, and anything else is refused. */
class OverviewCodecTest {
    private static final long T = 1_749_081_600_000_000L;

    @Test
    void shouldGiveBackEachDocumentAsItWas() {
        GlobalMarket global = new GlobalMarket(T, 3.3e12, 1.1e11, -2.5, Map.of("btc", 62.1, "eth", 9.4));
        CoinMarkets coins = new CoinMarkets(T + 1, List.of(new CoinMarkets.Coin("bitcoin", "BTC", "Bitcoin", 1,
                104_000, 2.07e12, 5.1e10, -3.2, Double.NaN)));
        FearGreedReading fearGreed = new FearGreedReading(T - 3_600_000_000L, 41, "Fear");
        CapturingListener out = new CapturingListener();

        assertThat(OverviewCodec.decode(OverviewCodec.key(global), OverviewCodec.encode(global), out)).isTrue();
        assertThat(OverviewCodec.decode(OverviewCodec.key(coins), OverviewCodec.encode(coins), out)).isTrue();
        assertThat(OverviewCodec.decode(OverviewCodec.key(fearGreed), OverviewCodec.encode(fearGreed), out)).isTrue();

        assertThat(new String(OverviewCodec.key(global), StandardCharsets.UTF_8)).isEqualTo("global:" + T);
        assertThat(out.globals).containsExactly(global);
        assertThat(out.coinPages).containsExactly(coins); // NaN included: records compare doubles as Double.equals
        assertThat(out.fearGreed).containsExactly(fearGreed);
    }

    @Test
    void shouldRefuseWhatIsNoOverviewDocument() {
        CapturingListener out = new CapturingListener();
        byte[] value = OverviewCodec.encode(new FearGreedReading(T, 41, "Fear"));
        assertThat(OverviewCodec.decode("candle:1".getBytes(StandardCharsets.UTF_8), value, out)).isFalse();
        assertThat(OverviewCodec.decode("fear-greed".getBytes(StandardCharsets.UTF_8), value, out)).isFalse();
        assertThat(OverviewCodec.decode(OverviewCodec.key(new FearGreedReading(T, 1, "x")), "{\"value\":".getBytes(
                StandardCharsets.UTF_8), out)).isFalse();
        assertThat(OverviewCodec.decode(("global:" + T).getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(
                StandardCharsets.UTF_8), out)).isFalse();
        assertThat(OverviewCodec.decode(null, value, out)).isFalse();
        assertThat(out.globals).isEmpty();
        assertThat(out.fearGreed).isEmpty();
    }
}
