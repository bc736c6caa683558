package dev.cascade.model;

/**
 * The current funding rate as a decimal fraction per funding interval (0.0001 = 0.01 %), and the time of
 * the next funding when the venue says it (0 otherwise).
 *
 * <p>Reused by its decoder: valid only during the callback, {@link #copy()} to keep it.
 */
public final class FundingRate {
    private Instrument instrument;
    private double rate;
    private long nextFundingMicros;
    private long exchangeMicros;
    private long receiveMicros;

    public FundingRate set(Instrument instrument, double rate, long nextFundingMicros, long exchangeMicros,
                           long receiveMicros) {
        this.instrument = instrument;
        this.rate = rate;
        this.nextFundingMicros = nextFundingMicros;
        this.exchangeMicros = exchangeMicros;
        this.receiveMicros = receiveMicros;
        return this;
    }

    public Instrument instrument() {
        return instrument;
    }

    public double rate() {
        return rate;
    }

    public long nextFundingMicros() {
        return nextFundingMicros;
    }

    public long exchangeMicros() {
        return exchangeMicros;
    }

    public long receiveMicros() {
        return receiveMicros;
    }

    public FundingRate copy() {
        return new FundingRate().set(instrument, rate, nextFundingMicros, exchangeMicros, receiveMicros);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FundingRate x && x.instrument == instrument && Double.compare(x.rate, rate) == 0
                && x.nextFundingMicros == nextFundingMicros && x.exchangeMicros == exchangeMicros
                && x.receiveMicros == receiveMicros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exchangeMicros) * 31 + Double.hashCode(rate);
    }

    @Override
    public String toString() {
        return "FundingRate{" + instrument + " rate=" + rate + " next=" + Micros.iso(nextFundingMicros)
                + " exchange=" + Micros.iso(exchangeMicros) + "}";
    }
}
