package dev.cascade.testkit;

import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;

/** Builds instruments and events for aggregator tests without going through decoders. */
public final class Events {
    public final InstrumentRegistry instruments = new InstrumentRegistry();

    public Instrument linear(Venue venue, String symbol, String coin) {
        return instruments.define(InstrumentSpec.linear(venue, symbol, Coin.of(coin)));
    }

    public Instrument inverse(Venue venue, String symbol, String coin, double usdPerContract) {
        return instruments.define(InstrumentSpec.inverse(venue, symbol, Coin.of(coin), usdPerContract));
    }

    public static Liquidation liquidation(Instrument instrument, Side side, double quantity, double price,
                                          long exchangeMicros) {
        return new Liquidation().set(instrument, side, quantity, price, exchangeMicros, exchangeMicros + 100);
    }

    public static Trade trade(Instrument instrument, TakerSide side, double quantity, double price, long id,
                              long exchangeMicros) {
        return new Trade().set(instrument, side, quantity, price, id, exchangeMicros, exchangeMicros + 100);
    }
}
