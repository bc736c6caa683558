package dev.cascade.venues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.InstrumentSpec;
import java.io.IOException;
import java.util.List;

/**
 * Parses a venue's REST instrument list (exchangeInfo, instruments-info, instruments) into specs. Metadata
 * is read rarely and is not on the hot path, so it goes through Jackson.
 */
public interface MetadataDecoder {
    /** The instruments in the response; throws when the document is not such a response. */
    List<InstrumentSpec> decode(JsonNode root) throws IOException;

    /** The symbols of the response that are perpetual contracts trading now: what a live feed subscribes to. */
    List<String> perpetuals(JsonNode root);
}
