package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.output.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One coin's heatmap as compact arrays ({@code GET /api/v1/heatmap/grid?coin=}), what the dashboard draws: the
 * snapshot times and prices once, the bucket prices once, and the cells as a flat list of integers
 * {@code [time index, bucket index, long USD, short USD, ...]}, instead of an object per level per snapshot.
 * Made from the published {@code heatmap} section, so it says exactly what {@code /api/v1/heatmap} says.
 *
 * <p>A bucket is log-spaced ({@code bucketPct} wide) around its price, from {@code price / sqrt(g)} to
 * {@code price * sqrt(g)} with {@code g = 1 + bucketPct / 100}: drawn on a linear price axis, each is a rectangle
 * of its own height.
 */
final class HeatmapGrid {
    private HeatmapGrid() {
    }

    /** The grid of {@code coin}, or null when the section has none. */
    static ObjectNode of(JsonNode section, String coin) {
        JsonNode h = section.path("byCoin").path(coin);
        if (!h.isObject()) {
            return null;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("coin", coin);
        o.set("bucketPct", section.path("bucketPct"));
        o.set("lookbackHours", section.path("lookbackHours"));
        for (String k : new String[] {"from", "to", "reference", "price", "hitRate", "clusters"}) {
            o.set(k, h.path(k));
        }
        JsonNode snapshots = h.path("snapshots");
        if (!snapshots.isArray() || snapshots.isEmpty()) { // no snapshots asked for: the levels now are the one column
            ArrayNode one = Json.MAPPER.createArrayNode();
            ObjectNode now = one.addObject().put("time", h.path("to").asText());
            now.set("price", h.path("price"));
            now.set("levels", h.path("levels"));
            snapshots = one;
        }
        TreeMap<Double, Integer> prices = new TreeMap<>();
        for (JsonNode s : snapshots) {
            for (JsonNode l : s.path("levels")) {
                prices.put(l.path("price").asDouble(), 0);
            }
        }
        int i = 0;
        ArrayNode levels = o.putArray("levels");
        for (Map.Entry<Double, Integer> e : prices.entrySet()) {
            e.setValue(i++);
            levels.add(e.getKey());
        }
        ArrayNode times = o.putArray("times");
        ArrayNode line = o.putArray("prices");
        ArrayNode cells = o.putArray("cells");
        int t = 0;
        for (JsonNode s : snapshots) {
            times.add(Instant.parse(s.path("time").asText()).toEpochMilli());
            line.add(s.path("price"));
            for (JsonNode l : s.path("levels")) {
                cells.add(t).add(prices.get(l.path("price").asDouble()))
                        .add(Math.round(l.path("longUsd").asDouble())).add(Math.round(l.path("shortUsd").asDouble()));
            }
            t++;
        }
        return o;
    }
}
