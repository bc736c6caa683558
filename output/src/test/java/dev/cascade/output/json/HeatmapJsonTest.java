package dev.cascade.output.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.heatmap.HeatmapSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heatmap's levels and snapshots, written without a tree, are the bytes their tree writes. */
class HeatmapJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void shouldWriteTheLevelsAndSnapshotsAsTheirTreeWould() {
        List<Heatmap.Level> now = List.of(new Heatmap.Level(103_000, 1_234.5, 0), new Heatmap.Level(103_100.25, 0.004,
                2e7), new Heatmap.Level(104_600, Double.NaN, 12.125), new Heatmap.Level(1.5e-7, 1e15, 3));
        List<Heatmap.Snapshot> snapshots = List.of(new Heatmap.Snapshot(1_749_081_600_000_000L, 104_612.5, now),
                new Heatmap.Snapshot(1_749_081_660_000_000L, Double.NaN, List.of()),
                new Heatmap.Snapshot(1_749_081_720_000_000L, 0.19, now.subList(1, 3)));
        Heatmap h = new Heatmap("BTC", "BTCUSDT", 1_749_081_000_000_000L, 1_749_081_720_000_000L, 104_000, 0.1, now,
                List.of(), List.of(), new Heatmap.HitRate(10, 4, 6, 3, 4, 1, 2.5, 7), snapshots);

        ObjectNode written = FiguresJson.heatmap(Map.of("BTC", h), HeatmapSettings.DEFAULT);
        ObjectNode tree = written.deepCopy();
        ObjectNode coin = (ObjectNode) tree.path("byCoin").path("BTC");
        coin.set("levels", levels(now));
        ArrayNode s = NODES.arrayNode();
        for (Heatmap.Snapshot snap : snapshots) {
            ObjectNode n = s.addObject();
            n.put("time", dev.cascade.model.Micros.iso(snap.timeMicros()));
            n.put("price", FiguresJson.price(snap.price()));
            n.set("levels", levels(snap.levels()));
        }
        coin.set("snapshots", s);

        String bytes = new String(Json.bytes(written), StandardCharsets.UTF_8);
        assertThat(bytes).isEqualTo(new String(Json.bytes(tree), StandardCharsets.UTF_8))
                .contains("{\"price\":103100.25,\"longUsd\":0.00,\"shortUsd\":20000000.00}")
                .contains("{\"price\":104600,\"longUsd\":null,\"shortUsd\":12.13}")
                .contains("\"price\":null,\"levels\":[]");
        // what the API's readers see: the same nodes as the tree, read back from the bytes
        assertThat(Json.text(written)).isEqualTo(bytes);
    }

    /** The levels as the tree had them before they were written straight out. */
    private static ArrayNode levels(List<Heatmap.Level> levels) {
        ArrayNode a = NODES.arrayNode();
        for (Heatmap.Level l : levels) {
            a.addObject().put("price", FiguresJson.price(l.price())).put("longUsd", FiguresJson.usd(l.longUsd()))
                    .put("shortUsd", FiguresJson.usd(l.shortUsd()));
        }
        return a;
    }
}
