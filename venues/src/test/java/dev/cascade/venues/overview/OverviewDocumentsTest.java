package dev.cascade.venues.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's own overview documents, written from the documented formats (fixtures under overview/). */
class OverviewDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = OverviewDocumentsTest.class.getResourceAsStream("/overview/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static List<Object> decode(JsonNode root) throws IOException {
        List<Object> out = new ArrayList<>();
        OverviewDocuments.decode(root, Long.MIN_VALUE, new MarketListener() {
            @Override
            public void onGlobalMarket(GlobalMarket m) {
                out.add(m);
            }

            @Override
            public void onCoinMarkets(CoinMarkets m) {
                out.add(m);
            }

            @Override
            public void onFearGreed(FearGreedReading r) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void shouldReadTheGlobalSnapshotInUsd() throws IOException {
        GlobalMarket g = (GlobalMarket) decode(fixture("global.json")).get(0);
        assertThat(g.timeMicros()).isEqualTo(1_749_167_940L * Micros.PER_SECOND);
        assertThat(g.totalMarketCapUsd()).isEqualTo(3.2e12);
        assertThat(g.totalVolumeUsd()).isEqualTo(1.4e11);
        assertThat(g.marketCapChangePct24h()).isEqualTo(-2.04);
        assertThat(g.dominancePct()).containsEntry("btc", 63.5).containsEntry("eth", 9.2);
    }

    @Test
    void shouldReadCoinPagesSkippingRowsWithoutAPrice() throws IOException {
        CoinMarkets m = (CoinMarkets) decode(fixture("markets.json")).get(0);
        assertThat(m.coins()).hasSize(6);
        assertThat(m.timeMicros()).isEqualTo(Micros.of(Instant.parse("2025-06-05T23:58:41.500Z")));
        CoinMarkets.Coin sei = m.coins().get(2);
        assertThat(sei.symbol()).isEqualTo("SEI");
        assertThat(sei.rank()).isEqualTo(71);
        assertThat(sei.changePct24h()).isEqualTo(10.4);
        assertThat(m.coins().get(5).marketCapChangePct24h()).isNaN(); // null in the document
    }

    @Test
    void shouldReadFearAndGreedValuesGivenAsStrings() throws IOException {
        List<Object> readings = decode(fixture("fng.json"));
        assertThat(readings).containsExactly(
                new FearGreedReading(1_749_081_600L * Micros.PER_SECOND, 52, "Neutral"),
                new FearGreedReading(1_748_995_200L * Micros.PER_SECOND, 60, "Greed"));
    }

    @Test
    void shouldRefuseDocumentsItCannotUse() throws IOException {
        assertThatThrownBy(() -> decode(JSON.readTree("{\"data\":{\"total_market_cap\":{\"eur\":1}}}")))
                .hasMessageContaining("total_market_cap.usd");
        assertThatThrownBy(() -> decode(JSON.readTree("{\"name\":\"x\",\"data\":[{\"value\":\"101\","
                + "\"value_classification\":\"?\",\"timestamp\":\"1749081600\"}]}"))).hasMessageContaining("101");
        assertThatThrownBy(() -> decode(JSON.readTree("[{\"market_cap_rank\":1,\"current_price\":null,\"symbol\":\"x\"}]")))
                .hasMessageContaining("without a row");
        assertThatThrownBy(() -> decode(JSON.readTree("{\"symbols\":[]}"))).hasMessageContaining("not a CoinGecko");
        assertThat(OverviewDocuments.isOverview(JSON.readTree("[1,2]"))).isFalse();
    }
}
