package dev.cascade.venues.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.Micros;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * alternative.me {@code /fng/}: every field is a string.
 *
 * <pre>
 * {"name":"Fear and Greed Index",
 *  "data":[{"value":"47","value_classification":"Neutral","timestamp":"1777248000",   00:00 UTC, seconds
 *           "time_until_update":"43200"}, ...],                                      newest entry only
 *  "metadata":{"error":null}}
 * </pre>
 */
public final class FearGreedDecoder {
    private FearGreedDecoder() {
    }

    public static boolean isFearGreed(JsonNode root) {
        JsonNode data = root.path("data");
        return data.isArray() && !data.isEmpty() && data.get(0).has("value_classification");
    }

    public static List<FearGreedReading> readings(JsonNode root) throws IOException {
        List<FearGreedReading> out = new ArrayList<>();
        for (JsonNode d : root.path("data")) {
            int value = d.path("value").asInt(-1);
            long seconds = d.path("timestamp").asLong(0);
            if (value < 0 || value > 100 || !Micros.isPlausible(seconds * Micros.PER_SECOND)) {
                throw new IOException("/fng/ entry with value " + d.path("value") + " at " + d.path("timestamp"));
            }
            out.add(new FearGreedReading(seconds * Micros.PER_SECOND, value, d.path("value_classification").asText("")));
        }
        return out;
    }
}
