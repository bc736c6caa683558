package dev.cascade.venues.tardis;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Venue;
import dev.cascade.venues.binance.BinanceSymbols;
import dev.cascade.venues.bybit.BybitSymbols;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;

/**
 * Tardis.dev exchange ids and the Cascade venues they feed: binance-futures is USDⓈ-M, binance-delivery is
 * COIN-M, bybit holds both Bybit linear and inverse symbols (the symbol decides), okex-swap is OKX swaps.
 * Tardis sizes are the exchange's native unit, which is what Cascade's instruments convert.
 */
enum TardisExchange {
    BINANCE_FUTURES("binance-futures", Venue.BINANCE_USDM, BinanceSymbols.INSTANCE),
    BINANCE_DELIVERY("binance-delivery", Venue.BINANCE_COINM, BinanceSymbols.INSTANCE),
    BYBIT("bybit", Venue.BYBIT_LINEAR, BybitSymbols.INSTANCE),
    OKEX_SWAP("okex-swap", Venue.OKX_SWAP, InstrumentRegistry.METADATA_ONLY);

    private static final TardisExchange[] ALL = values();

    final byte[] id;
    final Venue venue;
    final InstrumentRegistry.Convention convention;

    TardisExchange(String id, Venue venue, InstrumentRegistry.Convention convention) {
        this.id = Ascii.bytes(id);
        this.venue = venue;
        this.convention = convention;
    }

    /** The exchange named by a row's field, or null for one Cascade does not cover. */
    static TardisExchange of(CsvRow row, int field) {
        for (TardisExchange e : ALL) {
            if (row.equalsBytes(field, e.id)) {
                return e;
            }
        }
        return null;
    }
}
