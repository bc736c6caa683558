package dev.cascade.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A feed of one exchange with one set of instrument conventions (DESIGN.md venue ids). Only the ids live
 * here, so that the hot path can index arrays by ordinal; how a venue is read lives in its package of the
 * venues module (VenueRegistry). Append only: the ordinal is the venue's code in the Kafka event format.
 */
public enum Venue {
    BINANCE_USDM("binance-usdm", Exchange.BINANCE, false, "Binance USD-M"),
    BINANCE_COINM("binance-coinm", Exchange.BINANCE, false, "Binance COIN-M"),
    BYBIT_LINEAR("bybit-linear", Exchange.BYBIT, true, "Bybit linear"),
    BYBIT_INVERSE("bybit-inverse", Exchange.BYBIT, true, "Bybit inverse"),
    OKX_SWAP("okx-swap", Exchange.OKX, false, "OKX swap"),
    BITMEX("bitmex", Exchange.BITMEX, true, "BitMEX"),
    DERIBIT("deribit", Exchange.DERIBIT, true, "Deribit"),
    KRAKEN_FUTURES("kraken-futures", Exchange.KRAKEN, true, "Kraken Futures"),
    DYDX("dydx-v4", Exchange.DYDX, true, "dYdX v4"),
    BITGET_USDTM("bitget-usdtm", Exchange.BITGET, false, "Bitget USDT-M"),
    HTX_LINEAR("htx-linear", Exchange.HTX, true, "HTX USDT-M"),
    HTX_INVERSE("htx-inverse", Exchange.HTX, true, "HTX coin-M"),
    BITFINEX("bitfinex", Exchange.BITFINEX, true, "Bitfinex derivatives"),
    GATE_LINEAR("gate-linear", Exchange.GATE, true, "Gate USDT futures");

    private static final Venue[] ALL = values();

    private final String id;
    private final byte[] idBytes;
    private final Exchange exchange;
    private final boolean isLiquidationFeedComplete;
    private final String displayName;

    Venue(String id, Exchange exchange, boolean isLiquidationFeedComplete, String displayName) {
        this.displayName = displayName;
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
        this.exchange = exchange;
        this.isLiquidationFeedComplete = isLiquidationFeedComplete;
    }

    /**
     * Whether the venue's public feed carries every liquidation (Bybit allLiquidation). Binance and OKX push at
     * most one per symbol per second, the latest, so their totals are floors (DESIGN.md, Completeness). Bybit's
     * retired {@code liquidation.{symbol}} topic was throttled too; old recordings of it are floors as well.
     */
    public boolean isLiquidationFeedComplete() {
        return isLiquidationFeedComplete;
    }

    /**
     * The name shown in reports: "Binance USD-M", "OKX swap". Plain text: Binance's own "USDⓈ-M" has a glyph that
     * Debian's fonts (and the charts' Java fonts) do not carry.
     */
    public String displayName() {
        return displayName;
    }

    public String id() {
        return id;
    }

    public Exchange exchange() {
        return exchange;
    }

    /** The venue whose id is {@code id}, or null. */
    public static Venue byId(String id) {
        for (Venue v : ALL) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return null;
    }

    /** The venue whose id equals the ASCII bytes {@code b[off, off+len)}, or null; allocates nothing. */
    public static Venue byId(byte[] b, int off, int len) {
        for (Venue v : ALL) {
            byte[] k = v.idBytes;
            if (k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
