package dev.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares two read-outs section by section: the same fields, the same texts, the same numbers. Money summed in
 * another order (trade by trade live, minute by minute from the store) may differ in the last cent, so numbers
 * are equal within a cent or a part in a billion, whichever is larger; nothing else may differ.
 */
final class SameFigures {
    /** The sections of {@code replay --format json} that are figures (not counts of what was read). */
    static final List<String> SECTIONS = List.of("from", "to", "liquidations", "windows", "minuteBars", "taker",
            "price", "openInterest", "heatmap", "events", "overview", "sentiment");

    private SameFigures() {
    }

    /**
     * A node as its JSON reads back: a read-out made in this process holds the heatmap's levels as values written
     * out only when the tree is (FiguresJson), where one read from a file holds them as nodes.
     */
    private static JsonNode written(JsonNode n) {
        if (!n.isPojo()) {
            return n;
        }
        try {
            return RunJson.MAPPER.readTree(RunJson.MAPPER.writeValueAsBytes(n));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The differences, one line each ("path: expected vs actual"), at most {@code limit}. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> out = new ArrayList<>();
        for (String section : SECTIONS) {
            compare(section, expected.path(section), actual.path(section), out, limit);
        }
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        a = written(a);
        b = written(b);
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            if (Math.abs(x - y) > Math.max(0.0100001, 1e-9 * Math.max(Math.abs(x), Math.abs(y)))) {
                out.add(path + ": " + a + " vs " + b);
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "/" + e.getKey(), e.getValue(), b.path(e.getKey()), out, limit);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    out.add(path + "/" + k + ": absent vs " + b.get(k));
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(path + ": " + a.size() + " items vs " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out, limit);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(path + ": " + a + " vs " + b);
        }
    }
}
