package dev.cascade.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.output.json.FiguresJson;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One read-out of the market, rendered once to the JSON of {@code cascade replay --format json} and shared by
 * every request until the next: a busy summary endpoint costs a map lookup, not a computation. Each part is kept
 * as the bytes the API answers with, not as a tree: a tree of the demo's read-out took about 55 MB of heap
 * (a node, a map entry and a {@code BigDecimal} per number), its bytes a tenth of that. The rarer requests for a
 * part of a part (one coin's figures) read the bytes back ({@link #tree}).
 *
 * @param atMicros when it was read out (event time of the latest event)
 * @param liquidations {@code all} (the whole input or session) and the windows {@code 1h} ... {@code 24h}, each the
 *                     {@code liquidations} object as UTF-8 JSON
 * @param sections the other sections by name ({@code taker}, {@code price}, {@code openInterest}, ...), each as
 *                 UTF-8 JSON
 */
public record Published(long atMicros, long events, Map<String, byte[]> liquidations, Map<String, byte[]> sections) {
    public static final Published EMPTY = new Published(0, 0, Map.of(), Map.of());
    /**
     * Reads Cascade's own JSON back to the tree it was written from: decimals as {@code BigDecimal} with their scale
     * (12.50 stays 12.50), so that the tree writes the same bytes again.
     */
    private static final ObjectReader EXACT = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    public static Published of(Figures f, long events, FigureSettings settings) {
        Map<String, byte[]> liquidations = new LinkedHashMap<>();
        liquidations.put("all", Json.bytes(LiquidationJson.summary(f.liquidations())));
        f.windows().forEach((name, w) -> liquidations.put(name, Json.bytes(LiquidationJson.summary(w))));
        Map<String, byte[]> sections = new LinkedHashMap<>();
        FiguresJson.sections(f, settings, (name, tree) -> sections.put(name, Json.bytes(tree))); // a tree at a time
        return new Published(f.toMicros(), events, Collections.unmodifiableMap(liquidations),
                Collections.unmodifiableMap(sections));
    }

    /** A window's {@code liquidations} object as a tree, or null when there is no such window (or no read-out). */
    public ObjectNode liquidations(String window) {
        byte[] b = liquidations.get(window);
        return b == null ? null : (ObjectNode) tree(b);
    }

    /** A section ({@code taker}, {@code price}, ...) as a tree, or a missing node. */
    public JsonNode section(String name) {
        byte[] b = sections.get(name);
        return b == null ? MissingNode.getInstance() : tree(b);
    }

    /** Bytes this class wrote, read back to a tree that writes them again. */
    static JsonNode tree(byte[] json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes written by Json.MAPPER always read
        }
    }
}
