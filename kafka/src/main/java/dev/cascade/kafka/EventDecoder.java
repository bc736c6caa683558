package dev.cascade.kafka;

import dev.cascade.model.Candle;
import dev.cascade.model.Checks;
import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns {@link EventCodec} records back into normalized events for a listener. Like the venue decoders it is
 * pure apart from its registry and reuses one event instance per kind; a record that is not a valid event
 * (another version, an unknown code, truncated) becomes a counted {@link Reject#MALFORMED_RECORD}, and one whose
 * values are not plausible the same rejection as at the venues' edge ({@code Checks}); never an exception.
 */
public final class EventDecoder {
    private final InstrumentRegistry registry;
    private final Liquidation liquidation = new Liquidation();
    private final Trade trade = new Trade();
    private final OpenInterest openInterest = new OpenInterest();
    private final MarkPrice markPrice = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final Candle candle = new Candle();

    public EventDecoder(InstrumentRegistry registry) {
        this.registry = registry;
    }

    /** Decodes one record to {@code out}; returns whether it was an event. */
    public boolean decode(byte[] record, MarketListener out) {
        EventCodec.Kind kind = EventCodec.kind(record);
        try {
            if (kind != null && decode(kind, ByteBuffer.wrap(record), out)) {
                return true;
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            // truncated, or a spec the model refuses (a non-positive contract size): malformed like the rest
        }
        out.onReject(Reject.MALFORMED_RECORD);
        return false;
    }

    /** The instrument a record is about (defined in the registry on first sight), or null when it is malformed. */
    public Instrument instrumentOf(byte[] record) {
        try {
            return EventCodec.kind(record) == null ? null : instrument(ByteBuffer.wrap(record));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    private boolean decode(EventCodec.Kind kind, ByteBuffer b, MarketListener out) {
        Instrument instrument = instrument(b);
        long exchangeMicros = b.getLong();
        long receiveMicros = b.getLong();
        if (instrument == null) {
            return false;
        }
        // the same plausibility as at the venues' edge (model/Checks): a topic is input like any other
        Reject time = Checks.time(exchangeMicros, receiveMicros);
        switch (kind) {
            case LIQUIDATION -> {
                Side side = EventCodec.sideOfCode(b.get());
                double quantity = b.getDouble();
                double price = b.getDouble();
                if (side == null) {
                    return false;
                }
                Reject r = first(time, Checks.sizeAndPrice(quantity, price));
                liquidation.set(instrument, side, quantity, price, exchangeMicros, receiveMicros);
                r = first(r, Checks.orderUsd(liquidation.usd()));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onLiquidation(liquidation);
                }
            }
            case TRADE -> {
                TakerSide side = EventCodec.takerSideOfCode(b.get());
                double quantity = b.getDouble();
                double price = b.getDouble();
                long id = b.getLong();
                long firstId = b.getLong();
                if (side == null) {
                    return false;
                }
                Reject r = first(time, Checks.sizeAndPrice(quantity, price));
                trade.set(instrument, side, quantity, price, id, firstId, exchangeMicros, receiveMicros);
                r = first(r, Checks.orderUsd(trade.usd()));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onTrade(trade);
                }
            }
            case OPEN_INTEREST -> {
                double contracts = b.getDouble();
                double usd = b.getDouble();
                Reject r = first(time, Checks.openInterest(contracts, usd));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onOpenInterest(openInterest.set(instrument, contracts, usd, exchangeMicros, receiveMicros));
                }
            }
            case MARK_PRICE -> {
                double mark = b.getDouble();
                double index = b.getDouble();
                Reject r = first(time, Checks.price(mark));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onMarkPrice(markPrice.set(instrument, mark, index, exchangeMicros, receiveMicros));
                }
            }
            case FUNDING -> {
                double rate = b.getDouble();
                long next = b.getLong();
                Reject r = first(time, Checks.fundingRate(rate));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onFundingRate(funding.set(instrument, rate, next, exchangeMicros, receiveMicros));
                }
            }
            case CANDLE -> {
                long interval = b.getLong();
                double open = b.getDouble();
                double high = b.getDouble();
                double low = b.getDouble();
                double close = b.getDouble();
                double volume = b.getDouble();
                double quote = b.getDouble();
                double buyBase = b.getDouble();
                double buyQuote = b.getDouble();
                long count = b.getLong();
                Reject r = first(time, first(first(Checks.price(open), Checks.price(high)),
                        first(first(Checks.price(low), Checks.price(close)), Checks.candleVolume(volume, quote))));
                if (r != null) {
                    out.onReject(r);
                } else {
                    out.onCandle(candle.set(instrument, exchangeMicros, interval, open, high, low, close, volume, quote,
                            buyBase, buyQuote, count));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the record's instrument part (leaving {@code b} at its times): the registry's instrument, defined on
     * first sight and redefined when its facts changed; null when the part names no venue, symbol or coin.
     */
    private Instrument instrument(ByteBuffer b) {
        b.position(2);
        Venue venue = EventCodec.venueOfCode(b.get() & 0xff);
        int flags = b.get() & 0xff;
        double contractSize = b.getDouble();
        int symbolAt = b.position() + 1;
        int symbolLength = b.get() & 0xff;
        b.position(b.position() + symbolLength);
        String coin = string(b);
        String currency = string(b);
        if (venue == null || symbolLength == 0 || coin.isEmpty()) {
            return null;
        }
        return instrument(venue, b.array(), symbolAt, symbolLength, coin, EventCodec.typeOfFlags(flags), contractSize,
                currency, EventCodec.isUsdQuoted(flags));
    }

    private Instrument instrument(Venue venue, byte[] record, int symbolAt, int symbolLength, String coin,
                                  ContractType type, double contractSize, String currency, boolean isUsdQuoted) {
        Instrument known = registry.find(venue.exchange(), record, symbolAt, symbolLength);
        if (known != null && known.venue() == venue && known.type() == type && known.contractSize() == contractSize
                && known.isUsdQuoted() == isUsdQuoted && known.coin().name().equals(coin)
                && known.contractCurrency().equals(currency)) {
            return known;
        }
        String symbol = new String(record, symbolAt, symbolLength, StandardCharsets.UTF_8);
        return registry.define(new InstrumentSpec(venue, symbol, Coin.of(coin), type, contractSize, currency,
                isUsdQuoted));
    }

    private static String string(ByteBuffer b) {
        int length = b.get() & 0xff;
        String s = new String(b.array(), b.position(), Math.min(length, b.remaining()), StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    private static Reject first(Reject a, Reject b) {
        return a != null ? a : b;
    }
}
