package dev.cascade.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The instruments Cascade knows, looked up by an exchange and the symbol's raw bytes without allocating.
 *
 * <p>Symbols are unique within an exchange (BTCUSDT and BTCUSD_PERP are both Binance), so a frame that arrives
 * on one venue's socket is valued by the instrument's own venue: a COIN-M order seen on the USDⓈ-M stream is
 * still valued in contracts of USD. Unknown symbols are asked of a {@link Convention}; those it cannot place
 * are remembered as unknown (up to a bound) so that a stream of them costs no allocation either.
 *
 * <p>Reads are lock-free; writes (metadata loads, first sight of a symbol) are synchronized and rare.
 */
public final class InstrumentRegistry {

    /** Infers an instrument from a venue's symbol convention, or returns null when the symbol leaves doubt. */
    @FunctionalInterface
    public interface Convention {
        InstrumentSpec infer(Venue venue, String symbol);
    }

    /** A convention that never infers: every instrument must come from metadata. */
    public static final Convention METADATA_ONLY = (venue, symbol) -> null;

    private static final int MAX_UNKNOWN = 4096;

    private static final class Entry {
        final Exchange exchange;
        final byte[] symbol;
        final int hash;
        final Instrument instrument; // null: known to be unknown

        Entry(Exchange exchange, byte[] symbol, int hash, Instrument instrument) {
            this.exchange = exchange;
            this.symbol = symbol;
            this.hash = hash;
            this.instrument = instrument;
        }
    }

    private volatile Entry[] table = new Entry[256];
    private int size;
    private int unknownCount;
    private int nextId;
    private final List<Instrument> byId = new ArrayList<>();

    /** The instrument with this symbol on this exchange, or null if it is not (yet) known. */
    public Instrument find(Exchange exchange, byte[] b, int off, int len) {
        Entry e = lookup(exchange, b, off, len);
        return e == null ? null : e.instrument;
    }

    /** Convenience for callers at the edges. */
    public Instrument find(Exchange exchange, String symbol) {
        byte[] b = symbol.getBytes(StandardCharsets.UTF_8);
        return find(exchange, b, 0, b.length);
    }

    /**
     * The known instrument, or one inferred by {@code convention} on first sight of the symbol (with
     * {@code venue} as the hint of where it was seen), or null when it cannot be placed.
     */
    public Instrument resolve(Venue venue, byte[] b, int off, int len, Convention convention) {
        Entry e = lookup(venue.exchange(), b, off, len);
        if (e != null) {
            return e.instrument;
        }
        return inferAndRemember(venue, new String(b, off, len, StandardCharsets.UTF_8), convention);
    }

    private synchronized Instrument inferAndRemember(Venue venue, String symbol, Convention convention) {
        byte[] bytes = symbol.getBytes(StandardCharsets.UTF_8);
        Entry e = lookup(venue.exchange(), bytes, 0, bytes.length);
        if (e != null) {
            return e.instrument;
        }
        InstrumentSpec spec = symbol.isEmpty() ? null : convention.infer(venue, symbol);
        if (spec != null) {
            return define(spec);
        }
        if (unknownCount < MAX_UNKNOWN) {
            unknownCount++;
            put(new Entry(venue.exchange(), bytes, hash(venue.exchange(), bytes, 0, bytes.length), null));
        }
        return null;
    }

    /**
     * Defines (or redefines, when metadata is reloaded) an instrument. An identical spec keeps the existing
     * instance; a changed spec gets a new instance with the same id.
     */
    public synchronized Instrument define(InstrumentSpec spec) {
        byte[] bytes = spec.symbol().getBytes(StandardCharsets.UTF_8);
        Exchange exchange = spec.venue().exchange();
        Entry old = lookup(exchange, bytes, 0, bytes.length);
        if (old != null && old.instrument != null && old.instrument.spec().equals(spec)) {
            return old.instrument;
        }
        int id;
        if (old != null && old.instrument != null) {
            id = old.instrument.id();
        } else {
            id = nextId++;
            byId.add(null);
        }
        if (old != null && old.instrument == null) {
            unknownCount--;
        }
        Instrument instrument = new Instrument(id, spec);
        byId.set(id, instrument);
        put(new Entry(exchange, bytes, hash(exchange, bytes, 0, bytes.length), instrument));
        return instrument;
    }

    /** Defines all specs; returns how many there were. */
    public synchronized int defineAll(Collection<InstrumentSpec> specs) {
        for (InstrumentSpec s : specs) {
            define(s);
        }
        return specs.size();
    }

    /** The instrument with this id, or null. Ids are dense from 0. */
    public synchronized Instrument byId(int id) {
        return id >= 0 && id < byId.size() ? byId.get(id) : null;
    }

    /** How many instruments are defined. */
    public synchronized int size() {
        return nextId;
    }

    /** A snapshot of the defined instruments in id order. */
    public synchronized List<Instrument> instruments() {
        return List.copyOf(byId);
    }

    private Entry lookup(Exchange exchange, byte[] b, int off, int len) {
        Entry[] t = table;
        int mask = t.length - 1;
        int h = hash(exchange, b, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                return null;
            }
            if (e.hash == h && e.exchange == exchange && sameBytes(e.symbol, b, off, len)) {
                return e;
            }
        }
    }

    /** A plain loop: symbols are a few bytes, too short for Arrays.equals' vectorized setup to pay. */
    private static boolean sameBytes(byte[] symbol, byte[] b, int off, int len) {
        if (symbol.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (symbol[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private void put(Entry entry) {
        Entry[] t = table;
        if ((size + 1) * 2 > t.length) {
            t = rehash(t, t.length * 2);
        }
        int mask = t.length - 1;
        for (int i = entry.hash & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                t[i] = entry;
                size++;
                break;
            }
            if (e.hash == entry.hash && e.exchange == entry.exchange && Arrays.equals(e.symbol, entry.symbol)) {
                t[i] = entry; // replacing a reference is atomic: readers see the old or the new entry
                break;
            }
        }
        table = t;
    }

    private static Entry[] rehash(Entry[] old, int capacity) {
        Entry[] t = new Entry[capacity];
        int mask = capacity - 1;
        for (Entry e : old) {
            if (e != null) {
                int i = e.hash & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = e;
            }
        }
        return t;
    }

    private static int hash(Exchange exchange, byte[] b, int off, int len) {
        int h = 0x811c9dc5 ^ exchange.ordinal();
        for (int i = off; i < off + len; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
