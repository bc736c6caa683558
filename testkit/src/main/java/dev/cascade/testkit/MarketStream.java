package dev.cascade.testkit;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random but plausible stream of every event kind over a few instruments of three venues, for merge and
 * order properties: a price random walk with a crash in the middle, trades of both taker sides, liquidations
 * (bursts on the crash, several in one second, the same second on several symbols), open interest that grows
 * then falls, marks and funding. Deterministic for a seed; events are independent copies.
 */
public final class MarketStream {
    public final Events events = new Events();
    public final Instrument btcUsdt = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    public final Instrument ethUsdt = events.linear(Venue.BINANCE_USDM, "ETHUSDT", "ETH");
    public final Instrument btcBybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");
    public final Instrument btcUsd = events.inverse(Venue.BYBIT_INVERSE, "BTCUSD", "BTC", 1);
    public final Instrument btcSwap = events.inverse(Venue.OKX_SWAP, "BTC-USD-SWAP", "BTC", 100);

    /** {@code hours} of events from {@code startMicros}, about {@code perMinute} trades a minute. */
    public List<Object> generate(long seed, long startMicros, int hours, int perMinute) {
        Random r = new Random(seed);
        Instrument[] all = {btcUsdt, ethUsdt, btcBybit, btcUsd, btcSwap};
        List<Object> out = new ArrayList<>();
        double btc = 100_000;
        double oi = 5e9;
        long tradeId = 1;
        int minutes = hours * 60;
        for (int m = 0; m < minutes; m++) {
            boolean isCrash = m > minutes / 2 && m < minutes / 2 + 20;
            double drift = isCrash ? -0.004 : 0.00002;
            btc *= 1 + drift + r.nextGaussian() * 0.0008;
            oi *= isCrash ? 0.99 : 1 + r.nextGaussian() * 0.001;
            long minuteStart = startMicros + m * Micros.PER_MINUTE;
            int trades = 1 + r.nextInt(perMinute * 2);
            for (int k = 0; k < trades; k++) {
                Instrument i = all[r.nextInt(all.length)];
                double price = priceOf(i, btc) * (1 + r.nextGaussian() * 0.0004);
                boolean isSell = r.nextDouble() < (isCrash ? 0.7 : 0.5);
                double qty = i.isInverse() ? 1 + r.nextInt(5000) : 0.001 + r.nextDouble() * 2;
                long t = minuteStart + r.nextInt(60_000_000);
                TakerSide side = r.nextInt(50) == 0 ? TakerSide.UNKNOWN : isSell ? TakerSide.SELL : TakerSide.BUY;
                out.add(new Trade().set(i, side, qty, price, tradeId++, t, t + 50));
            }
            int liquidations = isCrash ? 5 + r.nextInt(40) : r.nextInt(3);
            for (int k = 0; k < liquidations; k++) {
                Instrument i = all[r.nextInt(all.length)];
                Side side = r.nextDouble() < (isCrash ? 0.85 : 0.5) ? Side.LONG : Side.SHORT;
                double qty = i.isInverse() ? 100 + r.nextInt(50_000) : 0.01 + r.nextDouble() * 3;
                long t = minuteStart + r.nextInt(isCrash ? 10 : 60) * Micros.PER_SECOND + r.nextInt(1000) * 1000L;
                out.add(new Liquidation().set(i, side, qty, priceOf(i, btc), t, t + 100));
            }
            for (Instrument i : all) {
                long t = minuteStart + 30 * Micros.PER_SECOND + r.nextInt(1000);
                if (i != ethUsdt && r.nextInt(3) > 0) {
                    double contracts = i.isInverse() ? oi / i.contractSize() / 5 : oi / btc / 5;
                    double usd = r.nextBoolean() ? i.notionalUsd(contracts, btc) : Double.NaN;
                    out.add(new OpenInterest().set(i, contracts, usd, t, t + 10));
                }
                out.add(new MarkPrice().set(i, priceOf(i, btc), Double.NaN, t + 1, t + 10));
                if (m % 60 == 0) {
                    out.add(new FundingRate().set(i, isCrash ? -0.0002 : 0.0001 + r.nextGaussian() * 0.00005,
                            0, t + 2, t + 10));
                }
            }
        }
        return out;
    }

    private double priceOf(Instrument i, double btc) {
        return i == ethUsdt ? btc / 40 : btc;
    }

    /** Hands one generated event to a listener. */
    public static void deliver(Object e, MarketListener to) {
        if (e instanceof Trade t) {
            to.onTrade(t);
        } else if (e instanceof Liquidation l) {
            to.onLiquidation(l);
        } else if (e instanceof OpenInterest o) {
            to.onOpenInterest(o);
        } else if (e instanceof MarkPrice p) {
            to.onMarkPrice(p);
        } else if (e instanceof FundingRate f) {
            to.onFundingRate(f);
        } else {
            throw new IllegalArgumentException("not an event: " + e);
        }
    }
}
