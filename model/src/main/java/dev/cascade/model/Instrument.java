package dev.cascade.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tradable contract as Cascade knows it: its {@link InstrumentSpec} plus a dense {@link #id()} that
 * per-instrument state can be indexed by. Instances come from an {@link InstrumentRegistry} and are shared
 * by reference; the id of an (exchange, symbol) pair is stable even when its metadata is reloaded.
 */
public final class Instrument {
    private static final ConcurrentHashMap<String, Integer> KEYS = new ConcurrentHashMap<>();
    private static volatile String[] keyNames = new String[256];
    private static volatile Venue[] keyVenues = new Venue[256];

    private final int id;
    private final int key;
    private final InstrumentSpec spec;
    private final byte[] symbolBytes;
    // the spec's conversion facts, flat: notionalUsd runs once per event
    private final boolean isInverse;
    private final boolean isUsdQuoted;
    private final double contractSize;

    Instrument(int id, InstrumentSpec spec) {
        this.id = id;
        this.key = keyOf(spec.venue(), spec.symbol());
        this.spec = spec;
        this.symbolBytes = spec.symbol().getBytes(StandardCharsets.UTF_8);
        this.isInverse = spec.type() == ContractType.INVERSE;
        this.isUsdQuoted = spec.isUsdQuoted();
        this.contractSize = spec.contractSize();
    }

    public int id() {
        return id;
    }

    /**
     * A process-wide dense key of (venue, symbol), the same in every registry: per-symbol aggregator state is
     * indexed by it, so that two aggregators fed from different registries still merge symbol by symbol.
     */
    public int key() {
        return key;
    }

    /** The key of (venue, symbol), handed out on first use. */
    public static int keyOf(Venue venue, String symbol) {
        Integer k = KEYS.get(venue.id() + ":" + symbol);
        return k != null ? k : internKey(venue, symbol);
    }

    private static synchronized int internKey(Venue venue, String symbol) {
        String name = venue.id() + ":" + symbol;
        Integer k = KEYS.get(name);
        if (k == null) {
            k = KEYS.size();
            if (k == keyNames.length) {
                keyNames = Arrays.copyOf(keyNames, k * 2);
                keyVenues = Arrays.copyOf(keyVenues, k * 2);
            }
            keyNames[k] = symbol;
            keyVenues[k] = venue;
            KEYS.put(name, k);
        }
        return k;
    }

    /** The symbol of a key. */
    public static String symbolOfKey(int key) {
        return keyNames[key];
    }

    /** The venue of a key. */
    public static Venue venueOfKey(int key) {
        return keyVenues[key];
    }

    public InstrumentSpec spec() {
        return spec;
    }

    public Venue venue() {
        return spec.venue();
    }

    public Exchange exchange() {
        return spec.venue().exchange();
    }

    public String symbol() {
        return spec.symbol();
    }

    public Coin coin() {
        return spec.coin();
    }

    public ContractType type() {
        return spec.type();
    }

    public boolean isInverse() {
        return isInverse;
    }

    public double contractSize() {
        return contractSize;
    }

    public String contractCurrency() {
        return spec.contractCurrency();
    }

    public boolean isUsdQuoted() {
        return isUsdQuoted;
    }

    byte[] symbolBytes() {
        return symbolBytes;
    }

    /**
     * The USD value of {@code contracts} at {@code price}: the one definition every event uses.
     * Linear: contracts x contractSize (coins) x price. Inverse: contracts x contractSize (USD), the price is
     * not needed. NaN when the instrument is not quoted in USD or a linear price is unknown.
     */
    public double notionalUsd(double contracts, double price) {
        if (!isUsdQuoted) {
            return Double.NaN;
        }
        double size = contracts * contractSize;
        return isInverse ? size : size * price;
    }

    /** The quantity in coins: linear contracts x contractSize; inverse USD / price. */
    public double coinQuantity(double contracts, double price) {
        double size = contracts * contractSize;
        return isInverse ? size / price : size;
    }

    @Override
    public String toString() {
        return spec.venue().id() + ":" + spec.symbol();
    }
}
