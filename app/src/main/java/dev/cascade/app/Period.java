package dev.cascade.app;

import dev.cascade.model.Candle;
import dev.cascade.model.ForwardingListener;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Trade;

/**
 * A period of exchange time, {@code from} to {@code to} inclusive: {@code cascade report --from --to} reads only
 * its events. Market overview documents pass whatever their time, since the overview compares snapshots a day
 * apart.
 */
record Period(long fromMicros, long toMicros) {
    static final Period ALL = new Period(Long.MIN_VALUE, Long.MAX_VALUE);

    boolean contains(long micros) {
        return micros >= fromMicros && micros <= toMicros;
    }

    boolean isAll() {
        return fromMicros == Long.MIN_VALUE && toMicros == Long.MAX_VALUE;
    }

    /** {@code downstream} seeing only this period's events. */
    MarketListener filter(MarketListener downstream) {
        if (isAll()) {
            return downstream;
        }
        return new ForwardingListener(downstream) {
            @Override
            public void onLiquidation(Liquidation e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onLiquidation(e);
                }
            }

            @Override
            public void onTrade(Trade e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onTrade(e);
                }
            }

            @Override
            public void onOpenInterest(OpenInterest e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onOpenInterest(e);
                }
            }

            @Override
            public void onMarkPrice(MarkPrice e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onMarkPrice(e);
                }
            }

            @Override
            public void onFundingRate(FundingRate e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onFundingRate(e);
                }
            }

            @Override
            public void onCandle(Candle e) {
                if (contains(e.exchangeMicros())) {
                    downstream.onCandle(e);
                }
            }
        };
    }
}
