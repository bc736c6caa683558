package dev.cascade.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import dev.cascade.output.json.FiguresJson;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;

/**
 * The JSON document of a run ({@code cascade replay --format json}, {@code live --format json}, the demo's
 * {@code figures.json}): one object, the DESIGN.md shape ({@code from}, {@code to}, {@code liquidations},
 * {@code rejected}) plus rolling windows, every analytics section, the input and counts.
 */
final class RunJson {
    static final ObjectMapper MAPPER = Json.MAPPER;

    private RunJson() {
    }

    static ObjectNode render(RunResult r, FigureSettings settings) {
        Figures f = r.figures(settings);
        ObjectNode o = MAPPER.createObjectNode();
        if (r.hasEvents()) {
            o.put("from", Micros.iso(r.fromMicros()));
            o.put("to", Micros.iso(r.toMicros()));
        } else {
            o.putNull("from");
            o.putNull("to");
        }
        o.set("liquidations", LiquidationJson.summary(f.liquidations()));
        ObjectNode windows = o.putObject("windows");
        f.windows().forEach((name, w) -> windows.set(name, LiquidationJson.summary(w)));
        if (settings.withBars()) {
            ObjectNode bars = o.putObject("minuteBars");
            for (Venue v : Venue.values()) {
                ArrayNode a = MAPPER.createArrayNode();
                r.liquidations().minuteBars(v).forEach(b -> a.add(LiquidationJson.bar(b)));
                if (!a.isEmpty()) {
                    bars.set(v.id(), a);
                }
            }
        }
        FiguresJson.sections(o, f, settings);
        ObjectNode input = o.putObject("input");
        ArrayNode files = input.putArray("files");
        for (OpenedInput in : r.inputs()) {
            files.addObject().put("name", in.name()).put("format", in.description());
        }
        input.put("frames", r.read().items());
        input.put("data", r.read().data());
        input.put("control", r.read().control());
        input.put("ignored", r.read().ignored());
        input.put("rejected", r.read().rejected());
        ObjectNode skipped = input.putObject("skipped"); // by reason; never rejections
        skipped.put("blank-line", r.read().blankLines());
        input.put("instruments", r.read().instrumentsLoaded());
        ArrayNode damaged = input.putArray("damaged");
        r.read().damaged().forEach(d -> damaged.addObject().put("name", d.input()).put("reason", d.reason()));
        ObjectNode counts = o.putObject("counts");
        counts.put("liquidations", r.events().liquidations());
        counts.put("trades", r.events().trades());
        counts.put("openInterest", r.events().openInterest());
        counts.put("markPrices", r.events().markPrices());
        counts.put("fundingRates", r.events().fundingRates());
        counts.put("candles", r.events().candles());
        counts.put("overview", r.events().overview());
        counts.put("tooOld", r.state().bars().tooOld());
        ObjectNode duplicates = o.putObject("duplicates");
        duplicates.put("liquidations", r.duplicateLiquidations());
        duplicates.put("trades", r.duplicateTrades());
        ObjectNode rejected = o.putObject("rejected");
        rejected.put("count", r.events().rejected());
        ObjectNode byReason = rejected.putObject("byReason");
        r.events().rejectsByReason().forEach(byReason::put);
        ObjectNode degraded = o.putObject("degraded");
        f.degraded().forEach(degraded::put);
        return o;
    }
}
