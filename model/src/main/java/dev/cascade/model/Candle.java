package dev.cascade.model;

/**
 * A trade candle (kline) from an archive: open time, interval, OHLC, volume in contracts, USD (quote)
 * volume and the taker-buy part of both, and the number of trades. {@link #exchangeMicros()} is the open time.
 *
 * <p>Reused by its decoder: valid only during the callback, {@link #copy()} to keep it.
 */
public final class Candle {
    private Instrument instrument;
    private long exchangeMicros;
    private long intervalMicros;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private double quoteVolume;
    private double takerBuyVolume;
    private double takerBuyQuoteVolume;
    private long tradeCount;

    public Candle set(Instrument instrument, long openMicros, long intervalMicros, double open, double high,
                      double low, double close, double volume, double quoteVolume, double takerBuyVolume,
                      double takerBuyQuoteVolume, long tradeCount) {
        this.instrument = instrument;
        this.exchangeMicros = openMicros;
        this.intervalMicros = intervalMicros;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quoteVolume = quoteVolume;
        this.takerBuyVolume = takerBuyVolume;
        this.takerBuyQuoteVolume = takerBuyQuoteVolume;
        this.tradeCount = tradeCount;
        return this;
    }

    public Instrument instrument() {
        return instrument;
    }

    public long exchangeMicros() {
        return exchangeMicros;
    }

    public long intervalMicros() {
        return intervalMicros;
    }

    public double open() {
        return open;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    public double close() {
        return close;
    }

    public double volume() {
        return volume;
    }

    public double quoteVolume() {
        return quoteVolume;
    }

    public double takerBuyVolume() {
        return takerBuyVolume;
    }

    public double takerBuyQuoteVolume() {
        return takerBuyQuoteVolume;
    }

    public long tradeCount() {
        return tradeCount;
    }

    public Candle copy() {
        return new Candle().set(instrument, exchangeMicros, intervalMicros, open, high, low, close, volume,
                quoteVolume, takerBuyVolume, takerBuyQuoteVolume, tradeCount);
    }

    @Override
    public String toString() {
        return "Candle{" + instrument + " " + Micros.iso(exchangeMicros) + " o=" + open + " h=" + high + " l=" + low
                + " c=" + close + " v=" + volume + "}";
    }
}
