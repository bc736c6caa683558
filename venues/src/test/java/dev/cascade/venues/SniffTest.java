package dev.cascade.venues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import dev.cascade.venues.codec.JsonTape;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Frames in files that do not say whose they are: each venue's rule must claim its own frames and leave the
 * others', whatever the registry's order (Binance, Bybit and OKX are asked before HTX and Gate).
 */
class SniffTest {
    private static Venue sniff(String frame) {
        JsonTape t = new JsonTape();
        byte[] b = frame.getBytes(StandardCharsets.UTF_8);
        assertThat(t.parse(b, 0, b.length)).as(frame).isTrue();
        return VenueDecoders.sniff(t, 0);
    }

    @Test
    void shouldTellHtxFramesFromBybitReplies() {
        assertThat(sniff("{\"op\":\"notify\",\"topic\":\"public.BTC-USDT.liquidation_orders\",\"ts\":1608226502344,\"data\":[]}"))
                .isEqualTo(Venue.HTX_LINEAR);
        assertThat(sniff("{\"op\":\"ping\",\"ts\":\"1749132000000\"}")).isEqualTo(Venue.HTX_LINEAR);
        assertThat(sniff("{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"c1\",\"op\":\"ping\"}")).isEqualTo(Venue.BYBIT_LINEAR);
        assertThat(sniff("{\"topic\":\"allLiquidation.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[]}")).isEqualTo(Venue.BYBIT_LINEAR);
    }

    @Test
    void shouldTellGateFramesFromBinanceAndOkxReplies() {
        assertThat(sniff("{\"channel\":\"futures.public_liquidates\",\"event\":\"update\",\"time\":1541505434,\"time_ms\":1541505434123,"
                + "\"result\":[]}")).isEqualTo(Venue.GATE_LINEAR);
        assertThat(sniff("{\"time\":1749132000,\"channel\":\"futures.pong\",\"event\":\"\",\"result\":null}")).isEqualTo(Venue.GATE_LINEAR);
        assertThat(sniff("{\"result\":null,\"id\":1}")).isEqualTo(Venue.BINANCE_USDM);
        assertThat(sniff("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\"}")).isEqualTo(Venue.OKX_SWAP);
    }

    @Test
    void shouldLeaveBitfinexArraysUnclaimed() {
        assertThat(sniff("[91684,[[\"pos\",1,1593522802742,null,\"tBTCF0:USTF0\",0.1,9135.9,null,0,1,null,9080]]]")).isNull();
    }
}
