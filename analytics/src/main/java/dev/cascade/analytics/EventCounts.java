package dev.cascade.analytics;

import dev.cascade.model.Candle;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Trade;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts events by type and rejections by reason, and the span of exchange times seen. */
public final class EventCounts implements MarketListener {
    private static final Reject[] REJECTS = Reject.values();

    private long liquidations;
    private long trades;
    private long openInterest;
    private long markPrices;
    private long fundingRates;
    private long candles;
    private long overview;
    private final long[] rejects = new long[REJECTS.length];
    private long firstMicros = Long.MAX_VALUE;
    private long lastMicros = Long.MIN_VALUE;

    private void seen(long micros) {
        if (micros < firstMicros) {
            firstMicros = micros;
        }
        if (micros > lastMicros) {
            lastMicros = micros;
        }
    }

    @Override
    public void onLiquidation(Liquidation e) {
        liquidations++;
        seen(e.exchangeMicros());
    }

    @Override
    public void onTrade(Trade e) {
        trades++;
        seen(e.exchangeMicros());
    }

    /** Trades restored from a stored bar (a restart): {@code count} of them, between two times. */
    public void restoreTrades(long count, long firstMicros, long lastMicros) {
        if (count > 0) {
            trades += count;
            seen(firstMicros);
            seen(lastMicros);
        }
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        openInterest++;
        seen(e.exchangeMicros());
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        markPrices++;
        seen(e.exchangeMicros());
    }

    @Override
    public void onFundingRate(FundingRate e) {
        fundingRates++;
        seen(e.exchangeMicros());
    }

    @Override
    public void onCandle(Candle e) {
        candles++;
        seen(e.exchangeMicros());
    }

    /** Market snapshots are counted, but do not stretch the span: a daily index may predate the data by a day. */
    @Override
    public void onGlobalMarket(GlobalMarket e) {
        overview++;
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        overview++;
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        overview++;
    }

    @Override
    public void onReject(Reject reason) {
        rejects[reason.ordinal()]++;
    }

    public void merge(EventCounts o) {
        liquidations += o.liquidations;
        trades += o.trades;
        openInterest += o.openInterest;
        markPrices += o.markPrices;
        fundingRates += o.fundingRates;
        candles += o.candles;
        overview += o.overview;
        for (int i = 0; i < rejects.length; i++) {
            rejects[i] += o.rejects[i];
        }
        firstMicros = Math.min(firstMicros, o.firstMicros);
        lastMicros = Math.max(lastMicros, o.lastMicros);
    }

    /** Overview documents: market snapshots, coin pages and Fear &amp; Greed readings. */
    public long overview() {
        return overview;
    }

    public long liquidations() {
        return liquidations;
    }

    public long trades() {
        return trades;
    }

    public long openInterest() {
        return openInterest;
    }

    public long markPrices() {
        return markPrices;
    }

    public long fundingRates() {
        return fundingRates;
    }

    public long candles() {
        return candles;
    }

    public long events() {
        return liquidations + trades + openInterest + markPrices + fundingRates + candles;
    }

    /** Earliest exchange time of any event, or Long.MAX_VALUE when there was none. */
    public long firstMicros() {
        return firstMicros;
    }

    /** Latest exchange time of any event, or Long.MIN_VALUE when there was none. */
    public long lastMicros() {
        return lastMicros;
    }

    public long rejected() {
        long n = 0;
        for (long r : rejects) {
            n += r;
        }
        return n;
    }

    /** Rejections by reason id, most frequent first; reasons that did not occur are left out. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        Integer[] order = new Integer[REJECTS.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(rejects[b], rejects[a]));
        for (int i : order) {
            if (rejects[i] > 0) {
                m.put(REJECTS[i].id(), rejects[i]);
            }
        }
        return m;
    }
}
