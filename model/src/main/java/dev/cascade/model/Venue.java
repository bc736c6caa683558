package dev.cascade.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A feed of one exchange with one set of instrument conventions (DESIGN.md venue ids). */
public enum Venue {
    BINANCE_USDM("binance-usdm", Exchange.BINANCE),
    BINANCE_COINM("binance-coinm", Exchange.BINANCE),
    BYBIT_LINEAR("bybit-linear", Exchange.BYBIT),
    BYBIT_INVERSE("bybit-inverse", Exchange.BYBIT),
    OKX_SWAP("okx-swap", Exchange.OKX);

    private static final Venue[] ALL = values();

    private final String id;
    private final byte[] idBytes;
    private final Exchange exchange;

    Venue(String id, Exchange exchange) {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
        this.exchange = exchange;
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
