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
    /** Coins one quoted price is for: 1,000 for 1000PEPEUSDT, whose coin is PEPE; 1 for almost everything. */
    private final double unitsPerQuote;

    Instrument(int id, InstrumentSpec spec) {
        this.id = id;
        this.key = keyOf(spec.venue(), spec.symbol());
        this.spec = spec;
        this.symbolBytes = spec.symbol().getBytes(StandardCharsets.UTF_8);
        this.isInverse = spec.type() == ContractType.INVERSE;
        this.isUsdQuoted = spec.isUsdQuoted();
        this.contractSize = spec.contractSize();
        this.unitsPerQuote = unitsPerQuote(spec.symbol(), spec.coin().name());
    }

    /**
     * The lot a symbol quotes its coin in: {@code 1000PEPEUSDT} (coin PEPE) is priced per 1,000 PEPE, and so are
     * {@code 1000000MOGUSDT}, {@code 1MBABYDOGEUSDT} and {@code SHIB1000USDT} per their lots; 1 when the symbol
     * names the coin plainly ({@code PEPE-USDT-SWAP}). A function of the symbol and its coin only, so every
     * registry, the store and the Kafka decoder agree on it without carrying it.
     */
    static double unitsPerQuote(String symbol, String coin) {
        if (symbol.startsWith(coin)) {
            int end = coin.length();
            while (end < symbol.length() && Character.isDigit(symbol.charAt(end))) {
                end++;
            }
            return lot(symbol, coin.length(), end);
        }
        if (symbol.startsWith("1M") && symbol.startsWith(coin, 2)) {
            return 1_000_000;
        }
        int digits = 0;
        while (digits < symbol.length() && Character.isDigit(symbol.charAt(digits))) {
            digits++;
        }
        return symbol.startsWith(coin, digits) ? lot(symbol, 0, digits) : 1;
    }

    /** 10^(n-1) when {@code symbol[from, to)} is 1 followed by n-1 >= 3 zeros; 1 otherwise. */
    private static double lot(String symbol, int from, int to) {
        if (to - from < 4 || symbol.charAt(from) != '1') {
            return 1;
        }
        for (int i = from + 1; i < to; i++) {
            if (symbol.charAt(i) != '0') {
                return 1;
            }
        }
        return Math.pow(10, to - from - 1);
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

    /** Coins one of the venue's quoted prices is for (1,000 for 1000PEPEUSDT); see {@link #unitPrice}. */
    public double unitsPerQuote() {
        return unitsPerQuote;
    }

    /**
     * A price as the venue quotes it, made a price of one coin: events carry per-coin prices, so that a coin's
     * prices and VWAP never mix 1000PEPEUSDT's quote (per 1,000 PEPE) with PEPE-USDT-SWAP's (per PEPE).
     */
    public double unitPrice(double quoted) {
        return unitsPerQuote == 1 ? quoted : quoted / unitsPerQuote;
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
     * The USD value of {@code contracts} at {@code price} (a price of one coin, {@link #unitPrice}): the one
     * definition every event uses. Linear: contracts x contractSize x unitsPerQuote (coins) x price. Inverse:
     * contracts x contractSize (USD), the price is not needed. NaN when the instrument is not quoted in USD or
     * a linear price is unknown.
     */
    public double notionalUsd(double contracts, double price) {
        if (!isUsdQuoted) {
            return Double.NaN;
        }
        double size = contracts * contractSize;
        return isInverse ? size : size * unitsPerQuote * price;
    }

    /** The quantity in coins at a price of one coin: linear contracts x contractSize x unitsPerQuote; inverse USD / price. */
    public double coinQuantity(double contracts, double price) {
        double size = contracts * contractSize;
        return isInverse ? size / price : size * unitsPerQuote;
    }

    @Override
    public String toString() {
        return spec.venue().id() + ":" + spec.symbol();
    }
}
