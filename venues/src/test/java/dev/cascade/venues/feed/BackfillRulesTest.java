package dev.cascade.venues.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.VenueModule;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.codec.JsonTape;
import dev.cascade.testkit.CapturingListener;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trade-id and backfill rules each venue module declares, and the recorded pages they read back. */
class BackfillRulesTest {
    @Test
    void shouldPageBinanceForwardFromAnIdAndOkxBackwardBelowOne() {
        BackfillRule coinm = VenueRegistry.of(Venue.BINANCE_COINM).backfillRule(Venue.BINANCE_COINM);
        assertThat(coinm.path("BTCUSD_PERP", 77, 1000)).isEqualTo("/dapi/v1/aggTrades?symbol=BTCUSD_PERP&fromId=77&limit=1000");
        assertThat(coinm.direction()).isEqualTo(BackfillRule.Direction.FORWARD);
        assertThat(coinm.pageLimit()).isEqualTo(1000);
        assertThat(VenueRegistry.of(Venue.BINANCE_USDM).backfillRule(Venue.BINANCE_USDM).path("BTCUSDT", 5, 2))
                .isEqualTo("/fapi/v1/aggTrades?symbol=BTCUSDT&fromId=5&limit=2");
        BackfillRule okx = VenueRegistry.of(Venue.OKX_SWAP).backfillRule(Venue.OKX_SWAP);
        assertThat(okx.path("BTC-USDT-SWAP", 1000, 100))
                .isEqualTo("/api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=1000&limit=100");
        assertThat(okx.direction()).isEqualTo(BackfillRule.Direction.BACKWARD);
        assertThat(okx.pageLimit()).isEqualTo(100);
    }

    @Test
    void shouldDeclareABackfillOnlyWhereTradeIdsAreConsecutive() {
        for (VenueModule m : VenueRegistry.modules()) {
            for (Venue v : m.venues()) {
                if (m.backfillRule(v) != null) {
                    assertThat(m.hasConsecutiveTradeIds(v)).as(v.id()).isTrue();
                }
            }
        }
        assertThat(VenueRegistry.of(Venue.BYBIT_LINEAR).hasConsecutiveTradeIds(Venue.BYBIT_LINEAR)).as("UUIDs").isFalse();
        assertThat(VenueRegistry.of(Venue.BYBIT_LINEAR).backfillRule(Venue.BYBIT_LINEAR)).isNull();
    }

    @Test
    void shouldReadARecordedPageWithTheDecoderItsRuleNames() {
        VenueDecoders decoders = Decode.withMetadata();
        String path = VenueRegistry.of(Venue.BINANCE_USDM).backfillRule(Venue.BINANCE_USDM).path("BTCUSDT", 2712345679L, 1);
        byte[] body = "[{\"a\":2712345679,\"p\":\"104000.10\",\"q\":\"0.004\",\"f\":1,\"l\":2,\"T\":1749132000100,\"m\":true}]"
                .getBytes(StandardCharsets.UTF_8);
        JsonTape tape = new JsonTape();
        assertThat(tape.parse(body, 0, body.length)).isTrue();
        CapturingListener out = new CapturingListener();
        assertThat(decoders.decodeRest(path, tape, 0, Decode.RECEIVED, out)).isEqualTo(FrameKind.DATA);
        assertThat(out.trades).extracting(Trade::id).containsExactly(2712345679L);
        assertThat(out.trades.get(0).venue()).isEqualTo(Venue.BINANCE_USDM);
        assertThat(decoders.decodeRest("/api/v5/market/books?instId=BTC-USDT-SWAP", tape, 0, Decode.RECEIVED, out))
                .isEqualTo(FrameKind.IGNORED);
    }

    @Test
    void shouldPageDeribitForwardBySequenceAndReadTheLiquidationsItsTradesCarry() {
        BackfillRule rule = VenueRegistry.of(Venue.DERIBIT).backfillRule(Venue.DERIBIT);
        String path = rule.path("BTC-PERPETUAL", 40782080, 2);
        assertThat(path).isEqualTo("/api/v2/public/get_last_trades_by_instrument?instrument_name=BTC-PERPETUAL&start_seq=40782080"
                + "&count=2&sorting=asc");
        assertThat(rule.direction()).isEqualTo(BackfillRule.Direction.FORWARD);
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"result\":{\"trades\":[{\"trade_seq\":40782080,\"trade_id\":\"66460626\","
                + "\"timestamp\":1584058067675,\"tick_direction\":3,\"price\":4458.5,\"liquidation\":\"M\",\"instrument_name\":"
                + "\"BTC-PERPETUAL\",\"index_price\":4793.6,\"direction\":\"buy\",\"amount\":2500},{\"trade_seq\":40782081,"
                + "\"trade_id\":\"66460627\",\"timestamp\":1584058067676,\"price\":4458,\"instrument_name\":\"BTC-PERPETUAL\","
                + "\"direction\":\"sell\",\"amount\":10}],\"has_more\":true}}").getBytes(StandardCharsets.UTF_8);
        JsonTape tape = new JsonTape();
        assertThat(tape.parse(body, 0, body.length)).isTrue();
        CapturingListener out = new CapturingListener();
        assertThat(Decode.withMetadata().decodeRest(path, tape, 0, Decode.RECEIVED, out)).isEqualTo(FrameKind.DATA);
        assertThat(out.trades).extracting(Trade::id).containsExactly(40782080L, 40782081L);
        assertThat(out.onlyLiquidation().side()).as("M with a taker buy: a long").isEqualTo(dev.cascade.model.Side.LONG);
    }

    @Test
    void shouldRefuseATemplateThatCannotNameItsPage() {
        assertThatThrownBy(() -> new BackfillRule("/trades?symbol={symbol}", BackfillRule.Direction.FORWARD, 10,
                (i, p, t, b, r, o) -> FrameKind.IGNORED)).isInstanceOf(IllegalArgumentException.class);
    }
}
