package dev.cascade.venues.feed;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.JsonTape;

/**
 * How a venue's missing trades are fetched by id, as data for the one generic paging loop in ingest: the REST
 * path of a page ({@code {symbol}}, {@code {id}} and {@code {limit}} filled in), which way pages walk from that
 * id, how many trades a page may hold, and which decoder reads a page (live, and again when a recording is
 * replayed). Only venues whose trade ids are consecutive per instrument have one: elsewhere a gap cannot be seen.
 *
 * <pre>
 *   FORWARD   (Binance aggTrades?fromId=)        ids fromId, fromId+1, ... oldest first
 *   BACKWARD  (OKX history-trades?after=)        ids below the given one, newest first
 * </pre>
 */
public record BackfillRule(String pathTemplate, Direction direction, int pageLimit, PageDecoder decoder) {
    public enum Direction {
        /** A page starts at the given id and goes up. */
        FORWARD,
        /** A page holds the ids just below the given one. */
        BACKWARD
    }

    /** Reads one page of trades recorded at {@code path}; the same decoder serves live backfill and replay. */
    @FunctionalInterface
    public interface PageDecoder {
        FrameKind decode(InstrumentRegistry instruments, String path, JsonTape tape, int body, long receiveMicros,
                         MarketListener out);
    }

    public BackfillRule {
        if (!pathTemplate.contains("{symbol}") || !pathTemplate.contains("{id}") || !pathTemplate.contains("{limit}")) {
            throw new IllegalArgumentException("a backfill path names {symbol}, {id} and {limit}: " + pathTemplate);
        }
        if (pageLimit < 1) {
            throw new IllegalArgumentException("a backfill page holds at least one trade");
        }
    }

    /** The path of the page at {@code id} (FORWARD: from it; BACKWARD: below it) with at most {@code limit} trades. */
    public String path(String symbol, long id, int limit) {
        return pathTemplate.replace("{symbol}", symbol).replace("{id}", Long.toString(id))
                .replace("{limit}", Integer.toString(limit));
    }

    /** Whether a recorded REST path is one of this rule's pages (the path before its query matches). */
    public boolean isPageOf(String path) {
        int q = pathTemplate.indexOf('?');
        String endpoint = pathTemplate.substring(0, q + 1);
        return path.contains(endpoint);
    }
}
