package dev.cascade.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A feed of one exchange with one set of instrument conventions (DESIGN.md venue ids). */
public enum Venue {
    BINANCE_USDM("binance-usdm", Exchange.BINANCE, false),
    BINANCE_COINM("binance-coinm", Exchange.BINANCE, false),
    BYBIT_LINEAR("bybit-linear", Exchange.BYBIT, true),
    BYBIT_INVERSE("bybit-inverse", Exchange.BYBIT, true),
    OKX_SWAP("okx-swap", Exchange.OKX, false);

    private static final Venue[] ALL = values();

    private final String id;
    private final byte[] idBytes;
    private final Exchange exchange;
    private final boolean isLiquidationFeedComplete;

    Venue(String id, Exchange exchange, boolean isLiquidationFeedComplete) {
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
