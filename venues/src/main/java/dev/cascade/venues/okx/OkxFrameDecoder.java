package dev.cascade.venues.okx;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes an OKX v5 public frame by {@code arg.channel}. The keepalive reply is the bare text {@code pong}
 * (not JSON); {@code {"event":"subscribe"|"error",...}} replies are control frames.
 */
public final class OkxFrameDecoder implements FrameDecoder {
    private static final byte[] PONG = Ascii.bytes("pong");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] ARG = Ascii.bytes("arg");
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] LIQUIDATION_ORDERS = Ascii.bytes("liquidation-orders");
    private static final byte[] TRADES = Ascii.bytes("trades");
    private static final byte[] TRADES_ALL = Ascii.bytes("trades-all");
    private static final byte[] OPEN_INTEREST = Ascii.bytes("open-interest");
    private static final byte[] FUNDING_RATE = Ascii.bytes("funding-rate");

    private final OkxLiquidationDecoder liquidations;
    private final OkxTradeDecoder trades;
    private final OkxOpenInterestDecoder openInterest;
    private final OkxFundingRateDecoder funding;

    public OkxFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new OkxLiquidationDecoder(instruments);
        this.trades = new OkxTradeDecoder(instruments);
        this.openInterest = new OkxOpenInterestDecoder(instruments);
        this.funding = new OkxFundingRateDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (t.isString(frame)) {
            if (t.equalsBytes(frame, PONG)) {
                return FrameKind.CONTROL;
            }
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.member(frame, EVENT) >= 0) {
            return FrameKind.CONTROL;
        }
        int channel = t.member(t.member(frame, ARG), CHANNEL);
        if (!t.isString(channel)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(channel, LIQUIDATION_ORDERS)) {
            return liquidations.decode(t, frame, receiveMicros, out);
        }
        if (t.equalsBytes(channel, TRADES) || t.equalsBytes(channel, TRADES_ALL)) {
            return trades.decode(t, frame, receiveMicros, out);
        }
        if (t.equalsBytes(channel, OPEN_INTEREST)) {
            return openInterest.decode(t, frame, receiveMicros, out);
        }
        if (t.equalsBytes(channel, FUNDING_RATE)) {
            return funding.decode(t, frame, receiveMicros, out);
        }
        return FrameKind.IGNORED; // books, tickers, mark-price, ...
    }
}
