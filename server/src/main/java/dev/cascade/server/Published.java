package dev.cascade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.output.json.FiguresJson;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One read-out of the market, rendered once to the JSON of {@code cascade replay --format json} and shared by
 * every request until the next: a busy summary endpoint costs a map lookup, not a computation.
 *
 * @param atMicros when it was read out (event time of the latest event)
 * @param liquidations {@code all} (the whole input or session) and the windows {@code 1h} ... {@code 24h}, each the
 *                     {@code liquidations} object
 * @param sections the other sections by name ({@code taker}, {@code price}, {@code openInterest}, ...)
 */
public record Published(long atMicros, long events, Map<String, ObjectNode> liquidations, ObjectNode sections) {
    public static final Published EMPTY = new Published(0, 0, Map.of(), Json.MAPPER.createObjectNode());

    public static Published of(Figures f, long events, FigureSettings settings) {
        Map<String, ObjectNode> liquidations = new LinkedHashMap<>();
        liquidations.put("all", LiquidationJson.summary(f.liquidations()));
        f.windows().forEach((name, w) -> liquidations.put(name, LiquidationJson.summary(w)));
        ObjectNode sections = Json.MAPPER.createObjectNode();
        FiguresJson.sections(sections, f, settings);
        return new Published(f.toMicros(), events, java.util.Collections.unmodifiableMap(liquidations), sections);
    }

    /** A section ({@code taker}, {@code price}, ...), or a missing node. */
    public JsonNode section(String name) {
        return sections.path(name);
    }
}
