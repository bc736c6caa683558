package dev.cascade.venues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.tardis.TardisTradesDecoder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hostile inputs an outside campaign found, each built here, against the plausibility rules at the edge:
 * nothing non-finite, negative where it cannot be, beyond the bounds of its kind or dated in the future
 * becomes an event, and each is a counted rejection with its reason.
 */
class PlausibilityTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    private static String bybitTicker(String type, String fields) {
        return "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"" + type + "\",\"data\":{\"symbol\":\"BTCUSDT\"," + fields
                + "},\"cs\":1,\"ts\":1749132000100}";
    }

    private static String forceOrder(String symbol, String quantity, String price, String averagePrice, long timeMs) {
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"SELL\",\"o\":\"LIMIT\","
                + "\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\"" + averagePrice
                + ",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
    }

    private Decode.Result binance(String frame) {
        return Decode.frame(decoders, Venue.BINANCE_USDM, frame);
    }

    @Test
    void shouldRejectAnInfiniteMarkPriceAndKeepValuingOpenInterestAtTheLastGoodOne() {
        CapturingListener first = Decode.frame(decoders, Venue.BYBIT_LINEAR, bybitTicker("snapshot",
                "\"markPrice\":\"100000\",\"openInterest\":\"20\"")).events();
        assertThat(first.markPrices).hasSize(1);

        Decode.Result infinite = Decode.frame(decoders, Venue.BYBIT_LINEAR, bybitTicker("delta", "\"markPrice\":\"1e400\""));
        assertThat(infinite.kind()).isEqualTo(FrameKind.REJECTED);
        assertThat(infinite.events().markPrices).isEmpty();
        assertThat(infinite.events().rejects).isEqualTo(Map.of(Reject.NOT_A_NUMBER, 1));

        // the rejected delta did not reach the decoder's state: open interest is still valued at 100,000
        CapturingListener next = Decode.frame(decoders, Venue.BYBIT_LINEAR, bybitTicker("delta",
                "\"openInterest\":\"30\"")).events();
        assertThat(next.openInterest).hasSize(1);
        assertThat(next.openInterest.get(0).usd()).isEqualTo(15 * 100_000.0);
    }

    @Test
    void shouldRejectHugeFiniteSizesPricesAndValues() {
        // one DOGEUSDT liquidation of 1e18 coins: beyond any order book
        assertThat(binance(forceOrder("DOGEUSDT", "1e18", "0.19", ",\"ap\":\"0.19\"", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.IMPLAUSIBLE_SIZE, 1));
        // a price of 1e300
        assertThat(binance(forceOrder("BTCUSDT", "1", "1e300", ",\"ap\":\"1e300\"", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.IMPLAUSIBLE_PRICE, 1));
        // sizes and prices each within bounds, but $20B in one order: not a liquidation
        assertThat(binance(forceOrder("BTCUSDT", "200000", "100000", ",\"ap\":\"100000\"", 1749132000100L)).events()
                .rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_VALUE, 1));
        // Tardis amounts of 1e18
        Decode.Result tardis = Decode.rows(TardisTradesDecoder.liquidations(new InstrumentRegistry()),
                "binance-futures,BTCUSDT,1749132000100000,1749132000150000,,sell,100000,1e18");
        assertThat(tardis.events().liquidations).isEmpty();
        assertThat(tardis.events().rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_SIZE, 1));
    }

    @Test
    void shouldAcceptAFlashCrashPrint() {
        // a price is never rejected for moving: 90 % down within the minute is the news
        binance(forceOrder("SOLUSDT", "100", "150", ",\"ap\":\"150\"", 1749132000100L));
        Liquidation crash = binance(forceOrder("SOLUSDT", "100", "15", ",\"ap\":\"15\"", 1749132000200L)).events()
                .onlyLiquidation();
        assertThat(crash.usd()).isEqualTo(1500.0);
    }

    @Test
    void shouldRejectNegativeOpenInterest() {
        Decode.Result okx = Decode.frame(decoders, Venue.OKX_SWAP, """
                {"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP",\
                "instType":"SWAP","oi":"2216113.01","oiCcy":"22161.13","oiUsd":"-1939251795.5","ts":"1749132000100"}]}""");
        assertThat(okx.events().openInterest).isEmpty();
        assertThat(okx.events().rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_VALUE, 1));

        Decode.Result bybit = Decode.frame(decoders, Venue.BYBIT_LINEAR, bybitTicker("snapshot",
                "\"markPrice\":\"100000\",\"openInterest\":\"-20\""));
        assertThat(bybit.events().openInterest).isEmpty();
        assertThat(bybit.events().rejects).isEqualTo(Map.of(Reject.NON_POSITIVE_SIZE, 1));
    }

    @Test
    void shouldRejectAnEventDatedFarAfterItsReceiveTime() {
        long year2099 = 4_102_358_400_000L; // 2099-12-31T00:00:00Z, before the absolute bound of 2100
        Decode.Result r = binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"100000\"", year2099));
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_TIME, 1));
        // a venue clock a few minutes ahead of the recorder's is skew, not a lie
        long tenMinutesAhead = Decode.RECEIVED / 1000 + 10 * 60_000;
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"100000\"", tenMinutesAhead)).events()
                .liquidations).hasSize(1);
    }

    @Test
    void shouldRejectAForceOrderAveragePriceThatIsNegativeEmptyOrMalformed() {
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"-5\"", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.NON_POSITIVE_PRICE, 1));
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"\"", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.NOT_A_NUMBER, 1));
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"1.2.3\"", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.NOT_A_NUMBER, 1));
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":{}", 1749132000100L)).events().rejects)
                .isEqualTo(Map.of(Reject.WRONG_TYPE, 1));
        // the documented fallback: ap = 0 (no fill price yet) takes the order price
        assertThat(binance(forceOrder("BTCUSDT", "1", "100000", ",\"ap\":\"0\"", 1749132000100L)).events()
                .onlyLiquidation().price()).isEqualTo(100000.0);
    }

    @Test
    void shouldRejectAnImplausibleFundingRateButKeepTheMarkPrice() {
        Decode.Result r = binance("""
                {"e":"markPriceUpdate","E":1749132000100,"s":"BTCUSDT","p":"100000","i":"100001","r":"5","T":1749139200000}""");
        assertThat(r.events().markPrices).hasSize(1);
        assertThat(r.events().fundingRates).isEmpty();
        assertThat(r.events().rejects).isEqualTo(Map.of(Reject.IMPLAUSIBLE_FUNDING, 1));
    }
}
