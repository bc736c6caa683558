package dev.cascade.venues.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.codec.Ascii;
import java.util.List;
import org.junit.jupiter.api.Test;

class BybitTradeDecoderTest {
    @Test
    void shouldDecodeTakerSidesAndHashUuidIds() {
        List<Trade> t = Decode.frame(Decode.withoutMetadata(), Venue.BYBIT_INVERSE, """
                {"topic":"publicTrade.BTCUSD","type":"snapshot","ts":1749132000900,"data":[\
                {"T":1749132000897,"s":"BTCUSD","S":"Sell","v":"25000","p":"103020.50","L":"MinusTick",\
                "i":"3c2a1f8e-0b1d-5e77-9a10-4f4c9d2b7e11","BT":false},\
                {"T":1749132000898,"s":"BTCUSD","S":"Buy","v":"120","p":"103021.00","L":"PlusTick",\
                "i":"9f0d6c55-77aa-5b3e-8c21-0e5d4a3b2c19","BT":false}]}""").events().trades;
        assertThat(t).hasSize(2);
        assertThat(t.get(0).takerSide()).isEqualTo(TakerSide.SELL);
        assertThat(t.get(0).usd()).isEqualTo(25000.0);
        assertThat(t.get(0).venue()).isEqualTo(Venue.BYBIT_INVERSE);
        byte[] id = Ascii.bytes("3c2a1f8e-0b1d-5e77-9a10-4f4c9d2b7e11");
        assertThat(t.get(0).id()).isEqualTo(Ascii.hash64(id, 0, id.length));
        assertThat(t.get(1).takerSide()).isEqualTo(TakerSide.BUY);
        assertThat(t.get(1).id()).isNotEqualTo(t.get(0).id());
        assertThat(t.get(1).exchangeMicros()).isEqualTo(1_749_132_000_898_000L);
    }
}
