package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceRestAggTradesDecoderTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    private CapturingListener decode(String path, String body) {
        CapturingListener out = new CapturingListener();
        JsonTape tape = new JsonTape();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        tape.parse(b, 0, b.length);
        assertThat(decoders.decodeRest(path, tape, 0, Decode.RECEIVED, out)).isEqualTo(FrameKind.DATA);
        return out;
    }

    @Test
    void shouldDecodeABackfillPageForTheSymbolOfItsQuery() {
        List<Trade> t = decode("/fapi/v1/aggTrades?symbol=BTCUSDT&fromId=2712345679&limit=2", """
                [{"a":2712345679,"p":"103012.40","q":"0.125","f":1,"l":2,"T":1749132000207,"m":true},\
                {"a":2712345680,"p":"103012.50","q":"0.010","f":3,"l":3,"T":1749132000208,"m":false}]""").trades;
        assertThat(t).hasSize(2);
        assertThat(t.get(0).instrument().symbol()).isEqualTo("BTCUSDT");
        assertThat(t.get(0).id()).isEqualTo(2712345679L);
        assertThat(t.get(0).takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.get(1).takerSide()).isEqualTo(TakerSide.BUY);
        assertThat(t.get(1).usd()).isEqualTo(103012.50 * 0.010);
        assertThat(t.get(1).receiveMicros()).isEqualTo(Decode.RECEIVED);
    }

    @Test
    void shouldValueCoinMBackfillsInContracts() {
        Trade t = decode("/dapi/v1/aggTrades?symbol=ETHUSD_PERP&fromId=5&limit=1",
                "[{\"a\":5,\"p\":\"2480.1\",\"q\":\"12\",\"f\":1,\"l\":1,\"T\":1749132000207,\"m\":false}]").onlyTrade();
        assertThat(t.usd()).isEqualTo(120.0);
    }

    @Test
    void shouldKnowWhichSymbolsArePerpetualsTradingNow() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Decode.resource("/metadata/binance-dapi-exchangeInfo.json"));
        assertThat(new BinanceExchangeInfoDecoder().perpetuals(root)).containsExactly("BTCUSD_PERP", "ETHUSD_PERP", "SOLUSD_PERP");
        var usdm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Decode.resource("/metadata/binance-fapi-exchangeInfo.json"));
        assertThat(new BinanceExchangeInfoDecoder().perpetuals(usdm)).containsExactly("BTCUSDT", "1000PEPEUSDT");
    }
}
