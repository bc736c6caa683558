package dev.cascade.venues.feed;

import dev.cascade.model.Venue;
import java.net.URI;
import java.util.List;

/**
 * A venue's declaration of how it is read live: where its instrument list is (REST, parsed by the venue's
 * metadata decoder), and the connections that cover a set of symbols. Pure: builds data, does no I/O.
 */
public interface FeedPlan {
    Venue venue();

    /** The REST path (with query) of the instrument list, relative to the REST base. */
    String instrumentsPath();

    /** The path of the instrument list's next page after {@code response}, or null after the last page. */
    default String nextPagePath(com.fasterxml.jackson.databind.JsonNode response) {
        return null;
    }

    /** The least time between two connection attempts to this venue (OKX: three a second per IP). */
    default java.time.Duration connectSpacing() {
        return java.time.Duration.ZERO;
    }

    /** The connections that carry the wanted channels for these symbols (all-market streams included). */
    List<ConnectionSpec> connections(URI webSocketBase, List<String> symbols, Channels channels);

    /** Splits a list into chunks of at most {@code size}. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }
}
