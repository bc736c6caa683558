package dev.cascade.model;

/**
 * Receives normalized events from decoders. Events are reused by their decoder and valid only during the
 * call; copy what must outlive it. Every method defaults to doing nothing so a listener implements only
 * what it consumes.
 */
public interface MarketListener {
    default void onLiquidation(Liquidation liquidation) {
    }

    default void onTrade(Trade trade) {
    }

    default void onOpenInterest(OpenInterest openInterest) {
    }

    default void onMarkPrice(MarkPrice markPrice) {
    }

    default void onFundingRate(FundingRate fundingRate) {
    }

    default void onCandle(Candle candle) {
    }

    /** A whole-market snapshot (CoinGecko {@code /global}); rare, so a record. */
    default void onGlobalMarket(GlobalMarket market) {
    }

    /** A page of coins by market cap (CoinGecko {@code /coins/markets}). */
    default void onCoinMarkets(CoinMarkets markets) {
    }

    /** A published Fear &amp; Greed value (alternative.me). */
    default void onFearGreed(FearGreedReading reading) {
    }

    /** Something in the input could not become an event; counted by reason, never fatal. */
    default void onReject(Reject reason) {
    }
}
