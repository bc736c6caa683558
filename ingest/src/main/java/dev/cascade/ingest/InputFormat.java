package dev.cascade.ingest;

/** What a file turned out to hold, judged from its content. */
public enum InputFormat {
    RECORDING("Cascade recording"),
    RAW_FRAMES("raw venue frames"),
    CRYPTOFEED("cryptofeed recording"),
    METADATA("instrument metadata"),
    OVERVIEW("market overview (CoinGecko, alternative.me)"),
    TARDIS_TRADES("Tardis trades CSV"),
    TARDIS_LIQUIDATIONS("Tardis liquidations CSV"),
    TARDIS_DERIVATIVE_TICKER("Tardis derivative_ticker CSV"),
    BINANCE_VISION("data.binance.vision CSV"),
    EMPTY("empty"),
    DAMAGED("damaged"),
    UNKNOWN("unknown format");

    private final String description;

    InputFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
