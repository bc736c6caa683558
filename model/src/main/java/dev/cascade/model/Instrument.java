package dev.cascade.model;

import java.nio.charset.StandardCharsets;

/**
 * A tradable contract as Cascade knows it: its {@link InstrumentSpec} plus a dense {@link #id()} that
 * per-instrument state can be indexed by. Instances come from an {@link InstrumentRegistry} and are shared
 * by reference; the id of an (exchange, symbol) pair is stable even when its metadata is reloaded.
 */
public final class Instrument {
    private final int id;
    private final InstrumentSpec spec;
    private final byte[] symbolBytes;
    // the spec's conversion facts, flat: notionalUsd runs once per event
    private final boolean isInverse;
    private final boolean isUsdQuoted;
    private final double contractSize;

    Instrument(int id, InstrumentSpec spec) {
        this.id = id;
        this.spec = spec;
        this.symbolBytes = spec.symbol().getBytes(StandardCharsets.UTF_8);
        this.isInverse = spec.type() == ContractType.INVERSE;
        this.isUsdQuoted = spec.isUsdQuoted();
        this.contractSize = spec.contractSize();
    }

    public int id() {
        return id;
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
