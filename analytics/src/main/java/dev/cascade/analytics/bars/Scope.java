package dev.cascade.analytics.bars;

import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import dev.cascade.model.Instrument;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which instruments of a coin a figure covers: all venues, one exchange or one venue. Read-outs select their
 * instruments through it, in a fixed order (venue, then symbol), so results never depend on arrival order.
 */
public record Scope(Exchange exchange, Venue venue) {
    public static final Scope ALL = new Scope(null, null);

    public static Scope of(Exchange exchange) {
        return new Scope(exchange, null);
    }

    public static Scope of(Venue venue) {
        return new Scope(venue.exchange(), venue);
    }

    public boolean contains(Instrument i) {
        return (venue == null || i.venue() == venue) && (exchange == null || i.exchange() == exchange);
    }

    /** "all", an exchange id or a venue id. */
    public String id() {
        return venue != null ? venue.id() : exchange != null ? exchange.id() : "all";
    }

    /** The instruments of {@code coin} in this scope, ordered by venue then symbol. */
    public List<InstrumentBars> select(MarketBars bars, Coin coin) {
        List<InstrumentBars> out = new ArrayList<>();
        for (InstrumentBars b : bars.instrumentsOf(coin)) {
            if (contains(b.instrument())) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing((InstrumentBars b) -> b.instrument().venue())
                .thenComparing(b -> b.instrument().symbol()));
        return out;
    }

    /** The bars of several instruments added together at one resolution (sums are meaningful; prices are not). */
    public static BarSeries sum(List<InstrumentBars> group, Resolution resolution) {
        BarSeries out = new BarSeries();
        for (InstrumentBars b : group) {
            out.mergeAll(resolution.of(b));
        }
        return out;
    }

    /** The whole input of several instruments as one bar (slot 0). */
    public static BarSeries sumTotals(List<InstrumentBars> group) {
        BarSeries out = new BarSeries(1);
        for (InstrumentBars b : group) {
            out.mergeAll(b.total());
        }
        return out;
    }

    /**
     * The instrument whose prices stand for the group: the one with the most USD traded over the whole input
     * (ties to the first in order), or the first with any trade. Null when none traded.
     */
    public static InstrumentBars reference(List<InstrumentBars> group) {
        InstrumentBars best = null;
        double bestUsd = -1;
        for (InstrumentBars b : group) {
            BarSeries t = b.total();
            if (t.isEmpty() || !t.hasTrades(0)) {
                continue;
            }
            if (t.volumeUsd(0) > bestUsd) {
                best = b;
                bestUsd = t.volumeUsd(0);
            }
        }
        return best;
    }
}
